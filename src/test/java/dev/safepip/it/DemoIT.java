package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/demo, the README's "see it work", runs end to end without a terminal and cleans up after itself. */
class DemoIT {
    @TempDir
    Path tmp;

    @Test
    void theDemoShowsDetectionTheVenvRouteWhereAndUninstall() throws IOException {
        TestEnv testEnv = TestEnv.in(tmp.resolve("env"));
        Map<String, String> env = testEnv.map();
        Path demoTmp = Files.createDirectories(tmp.resolve("demo-tmp"));
        env.put("TMPDIR", demoTmp.toString());
        Proc.Result demo = Proc.run(List.of("/bin/bash", Launcher.root().resolve("scripts/demo").toString()), env,
                tmp, Duration.ofSeconds(300));
        assertEquals(0, demo.exit(), demo.describe());
        String all = demo.stdout() + demo.stderr();
        for (String expected : List.of("externally managed", "redoing the install into a virtual environment",
                "Successfully installed hello-safepip", "hello from a package safepip installed",
                "Successfully uninstalled hello-safepip", "Nothing that safepip installed is in place")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
        try (var left = Files.list(demoTmp)) {
            assertEquals(0, left.count(), "the demo removed its folder");
        }
    }
}
