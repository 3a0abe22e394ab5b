package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first command: the README's install command, in a fresh clone of the repository, as a normal user
 * (this user; nobody when the tests run as root), then `safepip --version` from where it was installed. Not the
 * test command: it would run these tests again.
 */
class InstallIT {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path tmp;

    @Test
    void theReadmesInstallCommandWorksInAFreshCloneAsANormalUser() throws IOException {
        Path git = Prerequisites.command("git", "git");
        String install = SetUpBlock.read(Launcher.root().resolve("README.md")).get(0);
        assertEquals("scripts/install.sh", install, "the README's install command");

        Path work = Files.createDirectories(tmp.resolve("work"));
        Path clone = work.resolve("safepip");
        // The checkout may belong to another user (a worktree's git folder): trusted, it is the code under test.
        // In a global config of the clone's own: git's upload-pack ignores -c, and only these count for safe.
        Files.writeString(tmp.resolve(".gitconfig"), "[safe]\n\tdirectory = *\n");
        Proc.Result cloned = Proc.run(List.of(git.toString(), "clone", "--quiet", "--no-hardlinks",
                Launcher.root().toString(), clone.toString()), Map.of("PATH", "/usr/bin:/bin", "HOME",
                tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1"), tmp, Duration.ofSeconds(120));
        assertEquals(0, cloned.exit(), cloned.describe());
        Sandbox sandbox = Sandbox.in(work.resolve("sandbox"));
        Map<String, String> env = sandbox.env();
        env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + mavenRepository(work));
        if (ROOT) {
            giveToNobody(work);
        }

        Proc.Result installed = asTheUser(env, clone, List.of("/bin/sh", "-c", install));
        assertEquals(0, installed.exit(), installed.describe());
        assertTrue(installed.stdout().contains("Installed " + sandbox.testEnv().home().resolve(".local/bin/safepip")),
                installed.describe());
        assertFalse(installed.stderr().contains("missing"), installed.describe());

        Path safepip = sandbox.testEnv().home().resolve(".local/bin/safepip");
        Proc.Result version = asTheUser(env, work, List.of(safepip.toString(), "--version"));
        assertEquals(0, version.exit(), version.describe());
        assertTrue(version.stdout().startsWith("pip "), "exactly what the real pip prints: " + version.describe());
        assertEquals("", version.stderr(), version.describe());
    }

    /** This user's own repository; for nobody, a copy of it that nobody may write to. */
    private static Path mavenRepository(Path work) {
        Path repository = Path.of(System.getProperty("safepip.m2",
                System.getProperty("user.home") + "/.m2/repository"));
        if (!ROOT) {
            return repository;
        }
        Path copy = work.resolve("m2");
        Proc.Result copied = Proc.run(List.of("/bin/cp", "-r", repository.toString(), copy.toString()),
                Map.of("PATH", "/usr/bin:/bin"), work, Duration.ofSeconds(300));
        assertEquals(0, copied.exit(), copied.describe());
        return copy;
    }

    private static Proc.Result asTheUser(Map<String, String> env, Path cwd, List<String> command) {
        List<String> argv = new ArrayList<>();
        if (ROOT) {
            argv.addAll(List.of("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/env", "-i"));
            env.forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(command);
        return Proc.run(argv, env, cwd, Duration.ofSeconds(600));
    }

    /** The test's folder and its parents up to /tmp may be entered; everything in work belongs to nobody. */
    private void giveToNobody(Path work) throws IOException {
        for (Path dir = work.getParent(); dir != null && !dir.toString().equals("/tmp"); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Proc.Result chown = Proc.run(List.of("/bin/chown", "-R", "nobody:", work.toString()),
                Map.of("PATH", "/usr/bin:/bin"), work, Duration.ofSeconds(120));
        assertEquals(0, chown.exit(), chown.describe());
    }
}
