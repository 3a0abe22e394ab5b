package dev.safepip.core;

import java.io.IOException;
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

    /** The startup archives scripts/install.sh makes for the launcher. */
    public Path jvmArchives() {
        return cache().resolve("jvm");
    }

    /**
     * Before a route writes anything: makes the state, data and cache folders (0700) and checks them and the folders
     * above, and that the ledger is no link; a place others could change is refused.
     */
    public void prepare(StateFiles files) throws IOException {
        files.folder(state());
        files.folder(data());
        files.folder(cache());
        files.checkFile(state().resolve("ledger.jsonl"));
    }

    /** What safepip may remake at any time: the interpreter answers, apt's cache, the startup archives. */
    public Path cache() {
        return world.xdg("XDG_CACHE_HOME", ".cache").resolve("safepip");
    }

    /** safepip's data: the default venv and its own pipx venv. */
    public Path data() {
        return world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip");
    }
}
