package dev.safepip.python;

import dev.safepip.core.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells what kind of interpreter a path is and where its stdlib lives, from the files alone in the common case
 * (about a millisecond), asking the interpreter only when the layout leaves a doubt.
 */
public final class InterpreterInspector {

    private final Map<String, String> env;
    private final InterpreterProbe probe;

    public InterpreterInspector(Map<String, String> env, InterpreterProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    /** What the interpreter is, or null when it does not exist or cannot be asked. */
    public Interpreter inspect(Path path) {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return null;
        }
        String version = versionFrom(real, path);
        // Python finds pyvenv.cfg beside the path it was started by, or one folder up.
        Path bin = path.toAbsolutePath().getParent();
        for (Path dir : new Path[] {bin, bin.getParent()}) {
            if (dir != null && Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
                return new Interpreter(path, real, version, Interpreter.Kind.VENV, dir, null,
                        Interpreter.Source.LAYOUT);
            }
        }
        Path condaPrefix = bin.getParent();
        if (condaPrefix != null && Files.isDirectory(condaPrefix.resolve("conda-meta"))) {
            return new Interpreter(path, real, version, Interpreter.Kind.CONDA, condaPrefix, null,
                    Interpreter.Source.LAYOUT);
        }
        Interpreter fromLayout = fromLayout(path, real, version);
        return fromLayout != null ? fromLayout : probe.ask(path, real);
    }

    /** The system interpreter's stdlib when the layout leaves exactly one possibility, else null. */
    private Interpreter fromLayout(Path path, Path real, String version) {
        // PYTHONHOME moves the prefix away from where the binary lives.
        String home = env.get("PYTHONHOME");
        if (version == null || (home != null && !home.isEmpty()) || real.getParent() == null) {
            return null;
        }
        Path prefix = real.getParent().getParent();
        if (prefix == null) {
            return null;
        }
        List<Path> stdlibs = new ArrayList<>();
        for (String libdir : new String[] {"lib", "lib64"}) {
            Path candidate = prefix.resolve(libdir).resolve("python" + version);
            if (Files.isRegularFile(candidate.resolve("os.py")) && !sameFolderListed(stdlibs, candidate)) {
                stdlibs.add(candidate);
            }
        }
        if (stdlibs.size() != 1) {
            return null;
        }
        return new Interpreter(path, real, version, Interpreter.Kind.SYSTEM, prefix, stdlibs.get(0),
                Interpreter.Source.LAYOUT);
    }

    /** lib64 is often a symlink to lib; the same folder twice is still one stdlib. */
    private static boolean sameFolderListed(List<Path> listed, Path candidate) {
        for (Path other : listed) {
            try {
                if (Files.isSameFile(other, candidate)) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static String versionFrom(Path real, Path path) {
        for (Path p : new Path[] {real, path}) {
            String version = versionIn(p.getFileName().toString());
            if (version != null) {
                return version;
            }
        }
        return null;
    }

    /** "3.11" from python3.11 (the name python&lt;digits&gt;.&lt;digits&gt;, matched by hand: no regex on this path). */
    static String versionIn(String fileName) {
        if (!fileName.startsWith("python")) {
            return null;
        }
        String rest = fileName.substring("python".length());
        int dot = rest.indexOf('.');
        return dot > 0 && dot < rest.length() - 1 && digits(rest, 0, dot) && digits(rest, dot + 1, rest.length())
                ? rest : null;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Ascii.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
