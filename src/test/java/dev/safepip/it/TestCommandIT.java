package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command (scripts/test) knows every prerequisite of the tests: on this machine none is missing,
 * and on one without pipx, tmux, zsh or fish it names each, installs nothing without a yes, and exits 69.
 */
class TestCommandIT {
    @TempDir
    Path tmp;

    @Test
    void theReadmeSetsUpWithTwoCommandsTheSecondTheTestCommand() throws IOException {
        Path readme = Launcher.root().resolve("README.md");
        assertEquals(List.of("scripts/install.sh", "scripts/test"), SetUpBlock.read(readme));
        assertEquals("scripts/test", SetUpBlock.testCommand(readme));
    }

    @Test
    void everyPrerequisiteOfTheTestsIsHere() {
        Map<String, String> env = TestEnv.in(tmp.resolve("env")).map();
        env.put("PATH", System.getenv("PATH")); // wherever this machine keeps Maven
        Proc.Result check = check(env);
        assertEquals(0, check.exit(), "scripts/test --check names what is missing: " + check.describe());
    }

    @Test
    void withoutPipxTmuxZshAndFishTheTestCommandNamesThemAndInstallsNothing() {
        Set<String> gone = Set.of("pipx", "tmux", "zsh", "fish");
        Map<String, String> env = TestEnv.in(tmp.resolve("env")).map();
        env.put("PATH", Prerequisites.pathWithout(tmp.resolve("bin"), gone).toString());

        Proc.Result check = check(env);
        assertEquals(69, check.exit(), check.describe());
        assertTrue(check.stderr().contains("missing: pipx tmux zsh fish"), check.describe());

        // No terminal and no --yes: the one exact command, never apt-get itself (it would ask for nothing).
        Proc.Result run = Proc.run(List.of(Launcher.root().resolve("scripts/test").toString()), env, tmp,
                Duration.ofSeconds(60));
        assertEquals(69, run.exit(), run.describe());
        assertTrue(run.stdout().contains("missing: pipx tmux zsh fish"), run.describe());
        assertTrue(run.stderr().contains("apt-get install -y --no-install-recommends pipx tmux zsh fish"),
                run.describe());
        assertTrue(!run.stdout().contains("running") && !run.stdout().contains("[INFO]"), run.describe());
    }

    @Test
    void withoutMavenTheInstallScriptNamesItAndBuildsNothing() {
        Map<String, String> env = TestEnv.in(tmp.resolve("env")).map();
        env.put("PATH", Prerequisites.pathWithout(tmp.resolve("bin"), Set.of("mvn")).toString());
        env.put("PREFIX", tmp.resolve("prefix").toString());
        Proc.Result install = Proc.run(List.of(Launcher.root().resolve("scripts/install.sh").toString()), env, tmp,
                Duration.ofSeconds(60));
        assertEquals(69, install.exit(), install.describe());
        assertTrue(install.stdout().contains("install.sh: missing: maven"), install.describe());
        assertTrue(install.stderr().contains("apt-get install -y --no-install-recommends maven"), install.describe());
        assertTrue(!install.stdout().contains("Building"), install.describe());
    }

    private Proc.Result check(Map<String, String> env) {
        return Proc.run(List.of(Launcher.root().resolve("scripts/test").toString(), "--check"), env, tmp,
                Duration.ofSeconds(60));
    }
}
