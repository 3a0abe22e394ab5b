package dev.safepip.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A throw-away "system" Python that is externally managed by the test, so tests can add, change or
 * remove the PEP 668 marker without touching /usr/lib/python3.X.
 *
 * <p>Layout under T: bin/python3.X (a copy), lib/python3.X/* (symlinks to the real stdlib, minus
 * the real marker), lib/python3 (symlink to Debian's dist-packages, where its pip lives) and the
 * test's own lib/python3.X/EXTERNALLY-MANAGED. Python derives sys.prefix from where its binary
 * sits, so T becomes the prefix and pip reads the marker from T's stdlib.
 */
public final class ManagedPython {

    public static final String DEFAULT_MARKER =
            "[externally-managed]\nError=safepip test marker: this Python is managed by the test\n";

    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    private static final Path SYSTEM_DIST_PACKAGES = Path.of("/usr/lib/python3");

    private final Path root;
    private final String version;

    private ManagedPython(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    public static ManagedPython create(Path dir) {
        return create(dir, DEFAULT_MARKER.getBytes(StandardCharsets.UTF_8));
    }

    public static ManagedPython create(Path dir, byte[] marker) {
        try {
            return build(dir.toAbsolutePath(), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ManagedPython build(Path t, byte[] marker) throws IOException {
        // The shebang lines written below cannot quote, and the kernel splits at whitespace.
        if (t.toString().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("ManagedPython path must not contain whitespace: " + t);
        }
        Path real = SYSTEM_PYTHON.toRealPath();
        String exe = real.getFileName().toString(); // python3.11
        if (!exe.matches("python3\\.\\d+")) {
            throw new IllegalStateException("unexpected target of " + SYSTEM_PYTHON + ": " + real);
        }
        String version = exe.substring("python".length());
        ManagedPython mp = new ManagedPython(t, version);

        Files.createDirectories(mp.bin());
        Files.createDirectories(mp.stdlib());
        // A copy, not a symlink: Python resolves a symlinked executable back to /usr/bin and would
        // then take /usr as its prefix and read the real marker.
        Files.copy(real, mp.bin().resolve(exe), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(mp.python(), Path.of(exe));

        Path realStdlib = real.getParent().getParent().resolve("lib").resolve(exe);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(realStdlib)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals("EXTERNALLY-MANAGED")) {
                    Files.createSymbolicLink(mp.stdlib().resolve(name), entry);
                }
            }
        }
        // Debian's site.py adds <prefix>/lib/python3/dist-packages; this makes its pip importable.
        Files.createSymbolicLink(t.resolve("lib/python3"), SYSTEM_DIST_PACKAGES);

        mp.writeMarker(marker);
        writeExecutable(mp.pip(), mp.pipScript(null));
        writeExecutable(mp.bin().resolve("pip3"), mp.pipScript(null));
        return mp;
    }

    public Path root() { return root; }
    public Path bin() { return root.resolve("bin"); }
    /** T/bin/python3, the name a user would type. */
    public Path python() { return bin().resolve("python3"); }
    public Path pip() { return bin().resolve("pip"); }
    public Path stdlib() { return root.resolve("lib").resolve("python" + version); }
    public Path marker() { return stdlib().resolve("EXTERNALLY-MANAGED"); }
    /** e.g. "3.11" */
    public String version() { return version; }

    public void writeMarker(byte[] content) {
        try {
            Files.write(marker(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeMarker(String content) {
        writeMarker(content.getBytes(StandardCharsets.UTF_8));
    }

    public void removeMarker() {
        try {
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes T/bin/pip-recording: pip that first appends its arguments (argv[1:], space separated,
     * one line per call) to {@code log}. Lets a test prove which pip safepip ran and with what.
     */
    public Path recordingPip(Path log) {
        Path p = bin().resolve("pip-recording");
        writeExecutable(p, pipScript(log));
        return p;
    }

    /** Writes the recording pip as {@code dir/pip}, e.g. to put it first on PATH. */
    public Path installRecordingPipAs(Path dir, Path log) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path p = dir.resolve("pip");
        writeExecutable(p, pipScript(log));
        return p;
    }

    /** Same shape as Debian's /usr/bin/pip, bound to this Python by an absolute shebang. */
    private String pipScript(Path log) {
        StringBuilder s = new StringBuilder();
        s.append("#!").append(python()).append('\n');
        s.append("# -*- coding: utf-8 -*-\n");
        s.append("import re\n");
        s.append("import sys\n");
        if (log != null) {
            s.append("with open(").append(pyString(log.toAbsolutePath().toString()))
                    .append(", 'a', encoding='utf-8') as _log:\n");
            s.append("    _log.write(' '.join(sys.argv[1:]) + '\\n')\n");
        }
        s.append("from pip._internal.cli.main import main\n");
        s.append("if __name__ == \"__main__\":\n");
        s.append("    sys.argv[0] = re.sub(r\"(-script\\.pyw|\\.exe)?$\", \"\", sys.argv[0])\n");
        s.append("    sys.exit(main())\n");
        return s.toString();
    }

    /** A Python string literal that survives any characters in a temp path. */
    static String pyString(String v) {
        StringBuilder b = new StringBuilder("'");
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static void writeExecutable(Path p, String content) {
        try {
            Files.writeString(p, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
