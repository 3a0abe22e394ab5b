package dev.safepip.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the tests need from the machine. A missing tool fails the test with the tool's name and its Debian package,
 * never skips it silently: scripts/test installs them all (its list is the one list; these checks only name what a
 * test is about to use).
 */
public final class Prerequisites {
    /** Debian's own Python, which {@link ManagedPython} copies: never a pyenv or /usr/local one. */
    public static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private Prerequisites() {
    }

    /** /usr/bin/NAME, or the test fails naming it and the package that has it. */
    public static Path command(String name, String debianPackage) {
        Path path = Path.of("/usr/bin", name);
        if (!Files.isExecutable(path)) {
            fail(path + " is missing: install " + debianPackage + " (scripts/test installs every test prerequisite)");
        }
        return path;
    }

    /** Debian's python3 imports {@code module}, or the test fails naming the package that has it. */
    public static void pythonModule(String module, String debianPackage) {
        command("python3", "python3");
        Proc.Result result = Proc.run(List.of(SYSTEM_PYTHON.toString(), "-c", "import " + module),
                java.util.Map.of("PATH", TestEnv.BASE_PATH, "LANG", "C.UTF-8"), Path.of("/"), Duration.ofSeconds(30));
        if (result.exit() != 0) {
            fail(SYSTEM_PYTHON + " cannot import " + module + ": install " + debianPackage
                    + " (scripts/test installs every test prerequisite)");
        }
    }

    /**
     * A folder of links to every command in /usr/bin and /bin but {@code left}: a PATH on which those commands are
     * missing, as on a machine without them.
     */
    public static Path pathWithout(Path dir, Set<String> left) {
        try {
            Files.createDirectories(dir);
            for (String system : TestEnv.BASE_PATH.split(":")) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(system))) {
                    for (Path entry : entries) {
                        Path link = dir.resolve(entry.getFileName().toString());
                        if (!left.contains(entry.getFileName().toString()) && Files.notExists(link)) {
                            Files.createSymbolicLink(link, entry);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
