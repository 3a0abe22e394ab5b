package dev.safepip.rescue;

import dev.safepip.World;
import dev.safepip.process.SearchPath;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rescued packages go: pipx (its home and command folder, as pipx itself takes them from PIPX_HOME and
 * PIPX_BIN_DIR) for applications, safepip's default venv for libraries; and safepip's state folder.
 *
 * @param pipx the pipx on PATH, or null when there is none
 */
public record Places(Path pipx, Path pipxHome, Path pipxBin, Path venv, Path stateDir) {

    public static Places of(World world, SearchPath path) {
        String home = world.getenv("PIPX_HOME");
        Path pipxHome;
        if (home != null) {
            pipxHome = Path.of(home);
        } else {
            // pipx keeps using the old ~/.local/pipx when it exists.
            Path legacy = world.home().resolve(".local/pipx");
            pipxHome = Files.isDirectory(legacy) ? legacy : world.home().resolve(".local/share/pipx");
        }
        String bin = world.getenv("PIPX_BIN_DIR");
        return new Places(path.find("pipx"), pipxHome, bin != null ? Path.of(bin) : world.home().resolve(".local/bin"),
                world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip/venv"),
                world.xdg("XDG_STATE_HOME", ".local/state").resolve("safepip"));
    }

    /** The interpreter of pipx's environment for this application (pipx names it after the package). */
    Path pipxPython(Stray stray) {
        Path byName = pipxHome.resolve("venvs").resolve(stray.normalized()).resolve("bin/python");
        Path asSpelled = pipxHome.resolve("venvs").resolve(stray.name()).resolve("bin/python");
        return Files.exists(byName) || !Files.exists(asSpelled) ? byName : asSpelled;
    }
}
