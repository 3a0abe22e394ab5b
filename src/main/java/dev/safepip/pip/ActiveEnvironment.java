package dev.safepip.pip;

import dev.safepip.python.Shebang;
import dev.safepip.python.Interpreter;
import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual or conda environment the user activated (VIRTUAL_ENV, CONDA_PREFIX), and whether the pip safepip
 * would run is that environment's own. When it is not, the cause safepip can see, with its fix: people who
 * activated a venv and still meet externally-managed-environment have one of these.
 *
 * @param kind    VENV or CONDA
 * @param prefix  the environment's folder, as the variable gives it
 * @param ownPip  the environment's own pip script, or null when it has none
 * @param usesOwn whether the pip safepip runs is the environment's own (its interpreter lives in the environment)
 * @param causes  why not, most likely first; empty when usesOwn. A cause may also be present when usesOwn
 *                (a note such as {@link Cause#SHELL_MAY_REMEMBER})
 */
public record ActiveEnvironment(Interpreter.Kind kind, Path prefix, Path ownPip, boolean usesOwn,
                                List<Finding> causes) {

    /** Why the active environment's pip is not the one that runs. */
    public enum Cause {
        /** VIRTUAL_ENV names a folder that is gone or is no venv. */
        GONE,
        /** A venv made with --without-pip (or whose pip was removed): its Python has ensurepip. */
        VENV_WITHOUT_PIP,
        /** A venv left without pip by Debian's missing python3-venv: its base Python has no ensurepip. */
        VENV_NO_ENSUREPIP,
        /** A conda environment created without pip. */
        CONDA_WITHOUT_PIP,
        /** The venv's bin/pip starts an interpreter outside it: the venv was moved or copied. */
        MOVED,
        /** SAFEPIP_PIP chooses another pip. */
        OVERRIDE,
        /** The environment's bin folder is not on PATH at all (activated in another shell, PATH reset since). */
        NOT_ON_PATH,
        /** Another folder with a pip (a pyenv shim, /usr/bin, ~/.local/bin) comes first on PATH. */
        PATH_ORDER,
        /** python3 on PATH is another Python: `python3 -m pip` installs there, not into the environment. */
        OTHER_PYTHON3,
        /** All is right for safepip, but the shell may run another pip (a remembered path, an alias). */
        SHELL_MAY_REMEMBER
    }

    /** One cause, said in a sentence, with the commands that fix it. */
    public record Finding(Cause cause, String text, List<String> fixes) {
    }

    /** The first cause, or null when the environment's own pip runs. */
    public Finding cause() {
        for (Finding finding : causes) {
            if (finding.cause() != Cause.SHELL_MAY_REMEMBER) {
                return finding;
            }
        }
        return null;
    }

    /**
     * The active environment and how it stands, or null when none is active.
     *
     * @param pip       the pip safepip found
     * @param pipPython the interpreter that pip runs under (its shebang's, or -m pip's), or null when unknown
     */
    public static ActiveEnvironment detect(World world, SearchPath path, PipExecutable pip, Path pipPython) {
        String virtualEnv = world.getenv("VIRTUAL_ENV");
        String conda = world.getenv("CONDA_PREFIX");
        Interpreter.Kind kind;
        Path prefix;
        if (virtualEnv != null) {
            kind = Interpreter.Kind.VENV;
            prefix = absolute(world, virtualEnv);
        } else if (conda != null) {
            kind = Interpreter.Kind.CONDA;
            prefix = absolute(world, conda);
        } else {
            return null;
        }
        String dir = prefix.toString();
        List<Finding> causes = new ArrayList<>();
        boolean isEnv = kind == Interpreter.Kind.VENV ? Files.isRegularFile(prefix.resolve("pyvenv.cfg"))
                : Files.isDirectory(prefix.resolve("conda-meta"));
        if (!isEnv) {
            causes.add(new Finding(Cause.GONE, (kind == Interpreter.Kind.VENV ? "VIRTUAL_ENV" : "CONDA_PREFIX")
                    + " is " + dir + ", which is not " + (kind == Interpreter.Kind.VENV ? "a virtual environment"
                    : "a conda environment") + " (any more)", List.of(kind == Interpreter.Kind.VENV
                    ? "deactivate" : "conda deactivate", "python3 -m venv " + dir)));
            return new ActiveEnvironment(kind, prefix, null, false, causes);
        }
        Path ownPip = firstExecutable(prefix.resolve("bin/pip"), prefix.resolve("bin/pip3"));
        boolean usesOwn = pipPython != null && inside(pipPython, prefix);
        if (usesOwn) {
            if (pip.script() != null && pip.foundBy().startsWith("first")) {
                causes.add(new Finding(Cause.SHELL_MAY_REMEMBER, "if `pip` in your shell still runs another pip, "
                        + "the shell remembers an old path or has an alias (`type pip` tells)",
                        List.of("hash -r", "unalias pip")));
            }
            return new ActiveEnvironment(kind, prefix, ownPip, true, causes);
        }
        if (ownPip == null) {
            causes.add(withoutPip(kind, prefix));
        } else {
            Path starts = Shebang.interpreterOf(ownPip, path);
            if (kind == Interpreter.Kind.VENV && starts != null && !inside(starts, prefix)) {
                causes.add(new Finding(Cause.MOVED, ownPip + " starts " + starts + ", outside the environment: "
                        + "the venv was moved or copied from there, and its scripts still point at the old place",
                        List.of("python3 -m venv --clear " + dir + "   (then reinstall its packages)")));
            }
            String why = pip.foundBy();
            if (why.startsWith("SAFEPIP_PIP")) {
                causes.add(new Finding(Cause.OVERRIDE, "SAFEPIP_PIP chooses " + pip.display()
                        + ", not the environment's pip", List.of("unset SAFEPIP_PIP")));
            } else {
                causes.add(pathCause(path, prefix, pip));
            }
        }
        Path python3 = path.find("python3");
        if (python3 != null && !inside(python3, prefix)) {
            causes.add(new Finding(Cause.OTHER_PYTHON3, "python3 on PATH is " + python3 + ", not the environment's: "
                    + "`python3 -m pip` installs there", List.of(prefix.resolve("bin/python") + " -m pip")));
        }
        return new ActiveEnvironment(kind, prefix, ownPip, false, causes);
    }

    private static Finding withoutPip(Interpreter.Kind kind, Path prefix) {
        String dir = prefix.toString();
        if (kind == Interpreter.Kind.CONDA) {
            return new Finding(Cause.CONDA_WITHOUT_PIP, "the conda environment " + dir + " has no pip of its own, "
                    + "so the system's pip runs", List.of("conda install pip   (with " + dir + " active)"));
        }
        String version = venvVersion(prefix);
        Path baseStdlib = baseStdlib(prefix, version);
        if (baseStdlib != null && !Files.isRegularFile(baseStdlib.resolve("ensurepip/__init__.py"))) {
            // Debian splits ensurepip into python3-venv: without it `python3 -m venv` stops half-way, no pip inside.
            return new Finding(Cause.VENV_NO_ENSUREPIP, "the venv " + dir + " has no pip: its Python has no "
                    + "ensurepip (on Debian and Ubuntu, python3-venv is not installed), so `python3 -m venv` stopped "
                    + "half-way", List.of("sudo apt install python" + (version == null ? "3" : minor(version))
                    + "-venv", "python3 -m venv --upgrade-deps " + dir));
        }
        return new Finding(Cause.VENV_WITHOUT_PIP, "the venv " + dir + " has no pip (made with --without-pip, or "
                + "pip was removed), so another pip runs", List.of("python3 -m venv --upgrade-deps " + dir));
    }

    private static Finding pathCause(SearchPath path, Path prefix, PipExecutable pip) {
        Path bin = prefix.resolve("bin");
        List<Path> dirs = path.dirs();
        int envAt = -1;
        for (int i = 0; i < dirs.size(); i++) {
            if (sameFolder(dirs.get(i), bin)) {
                envAt = i;
                break;
            }
        }
        if (envAt < 0) {
            return new Finding(Cause.NOT_ON_PATH, bin + " is not on PATH (the environment was activated in another "
                    + "shell, or PATH was set again since)", List.of("source " + bin.resolve("activate")));
        }
        Path before = pip.script() != null ? pip.script().getParent() : null;
        String what = before == null ? pip.display() : before.toString();
        boolean shim = what.contains("shims");
        return new Finding(Cause.PATH_ORDER, (shim ? "a pyenv shim folder, " + what + "," : what)
                + " comes before " + bin + " on PATH, so its pip runs first", List.of("source "
                + bin.resolve("activate") + (shim ? "   (after pyenv's init in your shell profile)" : ""), "hash -r"));
    }

    private static String minor(String version) {
        return version.chars().filter(c -> c == '.').count() >= 2 ? version.substring(0, version.lastIndexOf('.'))
                : version;
    }

    /** pyvenv.cfg's version ("3.11.2"), or null. */
    private static String venvVersion(Path venv) {
        for (String line : cfgLines(venv)) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && (kv[0].strip().equals("version") || kv[0].strip().equals("version_info"))) {
                return kv[1].strip();
            }
        }
        return null;
    }

    /** The base Python's stdlib folder, from pyvenv.cfg's home (the base's bin folder), or null. */
    private static Path baseStdlib(Path venv, String version) {
        if (version == null) {
            return null;
        }
        for (String line : cfgLines(venv)) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("home")) {
                Path home = Path.of(kv[1].strip());
                Path base = home.getParent();
                if (base == null) {
                    return null;
                }
                Path stdlib = base.resolve("lib/python" + minor(version));
                return Files.isDirectory(stdlib) ? stdlib : null;
            }
        }
        return null;
    }

    private static List<String> cfgLines(Path venv) {
        try {
            // pyvenv.cfg is a few lines; a huge one is not a venv's.
            return dev.safepip.core.BoundedFile.lines(venv.resolve("pyvenv.cfg"), 65536);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Path absolute(World world, String value) {
        return world.cwd().resolve(value).normalize();
    }

    private static Path firstExecutable(Path... candidates) {
        for (Path candidate : candidates) {
            if (SearchPath.isExecutableFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether a path lies in the folder, as written or behind symlinks of the folder itself. */
    static boolean inside(Path file, Path folder) {
        Path normal = file.toAbsolutePath().normalize();
        if (normal.startsWith(folder)) {
            return true;
        }
        try {
            Path realFolder = folder.toRealPath();
            Path parent = normal.getParent();
            // The file itself may be a symlink out of the environment (a venv's python): only its folder is resolved.
            return parent != null && parent.toRealPath().resolve(normal.getFileName()).startsWith(realFolder);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        if (a.normalize().equals(b.normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
