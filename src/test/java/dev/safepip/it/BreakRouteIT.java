package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --break-system-packages only when chosen by name, after a warning; never by --yes. */
class BreakRouteIT {
    @TempDir
    Path tmp;

    @Test
    void breakingTheSystemIsOnlyEverTakenWhenChosenByName() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp);
        Path cwd = Files.createDirectories(tmp.resolve("nowhere"));
        try (LocalIndex index = Sandbox.serve(tmp.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"))) {
            Map<String, String> env = sandbox.env(index);

            Proc.Result yes = Launcher.run(env, cwd, "--yes", "install", "pkgA");
            assertEquals(0, yes.exit(), yes.describe());
            assertFalse(yes.stderr().contains("WARNING"), yes.describe());
            assertFalse(importableFromTheManagedPython(sandbox), "--yes never breaks the system");

            Proc.Result broken = Launcher.run(env, cwd, "--via=break", "install", "pkgA");
            assertEquals(0, broken.exit(), broken.describe());
            assertTrue(broken.stderr().contains("WARNING") && broken.stderr().contains("--break-system-packages"),
                    broken.describe());
            // The test's own managed Python took it (Debian's scheme: <prefix>/local/lib/python3.X/dist-packages).
            assertTrue(importableFromTheManagedPython(sandbox), broken.describe());
            assertTrue(Files.isDirectory(sandbox.managed().root().resolve("local")),
                    "installed under the test's prefix");
        }
    }

    private boolean importableFromTheManagedPython(Sandbox sandbox) {
        return Proc.run(List.of(sandbox.managed().python().toString(), "-c", "import pkga"), sandbox.testEnv().map(),
                tmp, Duration.ofSeconds(30)).exit() == 0;
    }
}
