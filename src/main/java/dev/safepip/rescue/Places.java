package dev.safepip.rescue;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import dev.safepip.route.PipxEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rescued packages go: pipx (its home and command folder, as pipx itself takes them from PIPX_HOME and
 * PIPX_BIN_DIR) for applications, safepip's default venv for libraries; and safepip's state folder.
 *
 * @param pipx the pipx on PATH, or null when there is none
 * @param wheels where the wheels of rescued packages are kept, one folder each, for `rescue --undo`
 */
public record Places(Path pipx, Path pipxHome, Path pipxBin, Path venv, Path stateDir, Path wheels) {

    public static Places of(World world, SearchPath path) {
        Path pipx = path.find("pipx");
        // Asked of pipx itself: its default home changed between versions.
        PipxEnvironment dirs = PipxEnvironment.of(pipx, world.ownEnv(), world.ownHome(), path.find("apt-get") != null);
        SafepipPaths paths = new SafepipPaths(world);
        return new Places(pipx, dirs.home(), dirs.bin(), paths.defaultVenv(), paths.state(),
                paths.data().resolve("rescued"));
    }

    /** The interpreter of pipx's environment for this application (pipx names it after the package). */
    Path pipxPython(Stray stray) {
        Path byName = pipxHome.resolve("venvs").resolve(stray.normalized()).resolve("bin/python");
        Path asSpelled = pipxHome.resolve("venvs").resolve(stray.name()).resolve("bin/python");
        return Files.exists(byName) || !Files.exists(asSpelled) ? byName : asSpelled;
    }
}
