package dev.safepip.python;

import dev.safepip.core.StateFiles;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.IsolatedPython;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Asks an interpreter for its stdlib and prefixes, once: the answer is cached under safepip's cache folder, keyed by
 * the interpreter's real path, size and modification time, so an upgrade of Python asks again.
 */
public final class InterpreterProbe {
    private static final String CODE = "import sys,sysconfig\n"
            + "print(sysconfig.get_path('stdlib'))\nprint(sys.prefix)\nprint(sys.base_prefix)\n"
            + "print('%d.%d' % sys.version_info[:2])\n";

    private final Map<String, String> env;
    private final Path cacheDir;
    private final Path cwd;

    public InterpreterProbe(Map<String, String> env, Path cacheDir, Path cwd) {
        this.env = env;
        this.cacheDir = cacheDir;
        this.cwd = cwd;
    }

    /** The interpreter's own answer, or null when it cannot be started or answers nonsense. */
    public Interpreter ask(Path path, Path real) {
        String home = env.get("PYTHONHOME");
        boolean cacheable = home == null || home.isEmpty();
        String stamp = stamp(real);
        Path cacheFile = cacheDir.resolve(digest(real.toString()));
        if (cacheable && stamp != null) {
            List<String> cached = readCache(cacheFile, real, stamp);
            if (cached != null) {
                return toInterpreter(path, real, cached, Interpreter.Source.CACHED);
            }
        }
        // -I keeps the user's PYTHON* variables and site folders out of the answer; with PYTHONHOME set, pip
        // itself honours it, so the question must too.
        // Without -I, the working folder leaves sys.path in the code's first lines (see IsolatedPython).
        List<String> argv = cacheable ? List.of(path.toString(), "-I", "-c", CODE)
                : List.of(path.toString(), "-s", "-c", IsolatedPython.code(CODE));
        List<String> lines;
        try {
            CapturedCommand.Result result = CapturedCommand.run(argv, env, cwd, Duration.ofSeconds(20));
            if (!result.ok()) {
                return null;
            }
            lines = result.stdout().lines().toList();
        } catch (IOException e) {
            return null;
        }
        if (lines.size() != 4) {
            return null;
        }
        if (cacheable && stamp != null) {
            writeCache(cacheFile, real, stamp, lines);
        }
        return toInterpreter(path, real, lines, Interpreter.Source.ASKED);
    }

    private static Interpreter toInterpreter(Path path, Path real, List<String> lines, Interpreter.Source source) {
        Path stdlib = Path.of(lines.get(0));
        Path prefix = Path.of(lines.get(1));
        boolean venv = !lines.get(1).equals(lines.get(2));
        return new Interpreter(path, real, lines.get(3), venv ? Interpreter.Kind.VENV : Interpreter.Kind.SYSTEM,
                prefix, venv ? null : stdlib, source);
    }

    private static String stamp(Path real) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            return attrs.size() + " " + attrs.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> readCache(Path file, Path real, String stamp) {
        try {
            List<String> lines = dev.safepip.core.BoundedFile.lines(file, 65536);
            if (lines.size() == 6 && lines.get(0).equals(real.toString()) && lines.get(1).equals(stamp)) {
                return lines.subList(2, 6);
            }
        } catch (IOException e) {
            // No cache yet, or unreadable: ask again.
        }
        return null;
    }

    private static void writeCache(Path file, Path real, String stamp, List<String> answer) {
        Path temp = null;
        try {
            // Made 0700 and checked (nobody else may write there); the temp file is new and 0600, and the rename
            // replaces whatever is at file, a link included, without writing through it.
            StateFiles.forThisProcess().folder(file.getParent());
            temp = Files.createTempFile(file.getParent(), ".probe", ".tmp");
            String text = real + "\n" + stamp + "\n" + String.join("\n", answer) + "\n";
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            // Readers see the old answer or the new one, never half of one.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A cache that cannot be written only costs the next run the same question; leave no temp file.
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing more to do.
                }
            }
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
