package dev.safepip.core;

import java.nio.file.Path;

/**
 * Where safepip keeps its own things, from the XDG base folders (or their defaults under HOME): one place, so that
 * every command agrees on them.
 */
public final class SafepipPaths {
    private final World world;

    public SafepipPaths(World world) {
        this.world = world;
    }

    /** The ledger, the venv locks and the half-made notes. */
    public Path state() {
        return world.xdg("XDG_STATE_HOME", ".local/state").resolve("safepip");
    }

    /** The venv of the venv route when no project or .venv says otherwise. */
    public Path defaultVenv() {
        return data().resolve("venv");
    }

    /** A venv of safepip's own that holds pipx where neither pipx nor apt is there. */
    public Path ownPipxVenv() {
        return data().resolve("pipx");
    }

    public Path configFile() {
        return world.xdg("XDG_CONFIG_HOME", ".config").resolve("safepip").resolve("config");
    }

    /** What safepip may remake at any time: the interpreter answers. */
    public Path cache() {
        return world.xdg("XDG_CACHE_HOME", ".cache").resolve("safepip");
    }

    private Path data() {
        return world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip");
    }
}
