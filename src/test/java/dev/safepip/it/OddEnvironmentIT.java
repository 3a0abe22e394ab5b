package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd environments (issue 20 item 7), through the real launcher, JVM, pip and venv module: a relative HOME,
 * PIP_REQUIRE_VIRTUALENV=1, a huge pyvenv.cfg, a slow apt-cache beside the look, launcher variables that are not
 * what they claim, and a state folder or .venv that cannot be one. Each gets one line naming the problem and its
 * exit code: never a stack trace, a raw control character, or advice ("run it again") that cannot help.
 */
class OddEnvironmentIT {
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path project;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        project = Files.createDirectories(tmp.resolve("project"));
        // A project: safepip then chooses its .venv, as it would for a user in their checkout.
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n");
    }

    // ---- HOME and pip's variables -------------------------------------------------------------------------

    @Test
    void aRelativeHomeIsRefusedNotUsedUnderTheWorkingFolder() {
        Map<String, String> env = sandbox.env(index);
        env.put("HOME", "relhome");
        // Without XDG folders of its own, safepip would find its venv and records under HOME.
        env.remove("XDG_DATA_HOME");
        env.remove("XDG_STATE_HOME");
        env.remove("XDG_CACHE_HOME");
        env.remove("XDG_CONFIG_HOME");
        Proc.Result r = Launcher.run(env, project, "--via=venv", "install", "pkgA");
        assertEquals(64, r.exit(), r.describe());
        assertOneLineNaming(r, "HOME=relhome is not an absolute path");
        assertFalse(Files.exists(project.resolve("relhome")), "made under the working folder:\n" + r.describe());
    }

    @Test
    void pipRequireVirtualenvDoesNotStopTheVenvRoute() {
        Map<String, String> env = sandbox.env(index);
        env.put("PIP_REQUIRE_VIRTUALENV", "1");
        Proc.Result r = Launcher.run(env, project, "--via=venv", "install", "pkgA");
        assertEquals(0, r.exit(), r.describe());
        assertClean(r);
    }

    // ---- files read bounded --------------------------------------------------------------------------------

    @Test
    void aHugeSparsePyvenvCfgIsNamedNotReadIntoMemory() throws IOException {
        Path venv = Files.createDirectories(project.resolve(".venv"));
        try (RandomAccessFile cfg = new RandomAccessFile(venv.resolve("pyvenv.cfg").toFile(), "rw")) {
            cfg.setLength(3L << 30);
        }
        Proc.Result r = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(69, r.exit(), r.describe());
        assertOneLineNaming(r, ".venv");
        assertFalse(r.stderr().contains("OutOfMemory"), r.describe());
    }

    // ---- helpers beside the look ---------------------------------------------------------------------------

    /**
     * A stand-in apt-cache, because the real one answers too fast to be caught running: it writes down its pid and
     * sleeps ten minutes. pip's look at a name the index does not have fails at once; safepip must neither wait
     * for apt-cache nor leave it running.
     */
    @Test
    void anAptCacheBesideAFailedLookEndsWithSafepip() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("stand-in-bin"));
        Path pidFile = tmp.resolve("apt-cache.pid");
        Path aptCache = bin.resolve("apt-cache");
        Files.writeString(aptCache, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 600\n");
        assertTrue(aptCache.toFile().setExecutable(true));
        Map<String, String> env = sandbox.env(index);
        env.put("PATH", bin + ":" + env.get("PATH"));
        long start = System.nanoTime();
        Proc.Result r = Launcher.run(env, project, "--plan", "install", "nosuchpkg");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(Files.exists(pidFile), "the stand-in apt-cache never ran, so this test proves nothing:\n"
                + r.describe());
        assertTrue(seconds < 100, "safepip waited for apt-cache (" + seconds + " s):\n" + r.describe());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        // The kill is sent before safepip exits; give the kernel a moment to reap it.
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertFalse(alive, "apt-cache (pid " + pid + ") outlived safepip:\n" + r.describe());
        assertClean(r);
    }

    // ---- the launcher's variables --------------------------------------------------------------------------

    @Test
    void aJarThatIsNotAJarIsNamed() {
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_JAR", "/etc/passwd");
        Proc.Result r = Launcher.run(env, project, "--plan", "install", "pkgA");
        assertEquals(69, r.exit(), r.describe());
        assertOneLineNaming(r, "SAFEPIP_JAR=/etc/passwd is not a readable jar");
        assertFalse(r.stderr().contains("main class"), r.describe());
    }

    @Test
    void launcherInfoZeroMeansNo() {
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_LAUNCHER_INFO", "0");
        Proc.Result r = Launcher.run(env, project, "--version");
        assertEquals(0, r.exit(), r.describe());
        assertFalse(r.stdout().contains("java=") || r.stdout().contains("jar="), r.describe());
        assertTrue(r.stdout().startsWith("pip "), r.describe());
    }

    @Test
    void aJavaWithControlCharactersIsShownWithoutThem() {
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_JAVA", "\u001b[31m");
        Proc.Result r = Launcher.run(env, project, "--plan", "install", "pkgA");
        assertEquals(69, r.exit(), r.describe());
        assertOneLineNaming(r, "SAFEPIP_JAVA=?[31m does not exist");
    }

    // ---- a state folder or .venv that cannot be one ---------------------------------------------------------

    @Test
    void aStateHomeThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        stateHomeIsNamed(file.toString());
    }

    @Test
    void aStateHomeThatIsDevNullIsNamed() {
        stateHomeIsNamed("/dev/null");
    }

    @Test
    void aStateHomeUnderProcIsNamed() {
        stateHomeIsNamed("/proc");
    }

    private void stateHomeIsNamed(String value) {
        Map<String, String> env = sandbox.env(index);
        env.put("XDG_STATE_HOME", value);
        Proc.Result r = Launcher.run(env, project, "--via=venv", "install", "pkgA");
        assertEquals(69, r.exit(), r.describe());
        assertOneLineNaming(r, value);
    }

    @Test
    void aDanglingVenvSymlinkIsNamed() throws IOException {
        Files.createSymbolicLink(project.resolve(".venv"), tmp.resolve("gone"));
        Proc.Result r = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(69, r.exit(), r.describe());
        assertOneLineNaming(r, ".venv");
    }

    // ---- checks --------------------------------------------------------------------------------------------

    /** No stack trace, no raw ESC, and no advice that cannot help. */
    static void assertClean(Proc.Result r) {
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("at dev.safepip")
                || r.stderr().contains("\tat "), r.describe());
        assertFalse(r.stderr().indexOf('\u001b') >= 0, "a raw ESC on stderr:\n" + r.describe());
        assertFalse(r.stderr().contains("run it again; safepip repairs"), r.describe());
    }

    /** One "safepip: ..." line that names the problem, and nothing of Java's. */
    static void assertOneLineNaming(Proc.Result r, String problem) {
        assertClean(r);
        long naming = r.stderr().lines().filter(l -> l.startsWith("safepip: ") && l.contains(problem)).count();
        assertEquals(1, naming, "no one line naming \"" + problem + "\":\n" + r.describe());
    }
}
