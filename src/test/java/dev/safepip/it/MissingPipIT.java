package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine with python3 but no pip at all: one clear line, safepip's exit code 69, no Python traceback. */
class MissingPipIT {
    @TempDir
    Path tmp;

    @Test
    void noPipAnywhereIsOneClearLine() throws IOException {
        TestEnv testEnv = TestEnv.in(tmp.resolve("env"));
        ManagedPython managed = ManagedPython.create(tmp.resolve("managed"));
        // Take away every pip this Python has: its scripts and Debian's dist-packages, where its pip lives.
        Files.delete(managed.pip());
        Files.deleteIfExists(managed.bin().resolve("pip3"));
        Files.delete(managed.root().resolve("lib/python3"));
        Map<String, String> env = testEnv.map();
        env.put("PATH", managed.bin().toString());
        for (String[] args : new String[][] {{"--version"}, {"install", "requests"}, {"list"}}) {
            Proc.Result result = Launcher.run(env, tmp, args);
            assertEquals(69, result.exit(), result.describe());
            assertEquals(1, result.stderr().strip().lines().count(), result.describe());
            assertTrue(result.stderr().contains("no pip found") && result.stderr().contains("python3-pip"),
                    result.describe());
            assertFalse(result.stderr().contains("Traceback"), result.describe());
        }
    }
}
