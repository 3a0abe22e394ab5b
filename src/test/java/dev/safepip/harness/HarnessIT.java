package dev.safepip.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness does what the safepip tests rely on: a real PEP 668 refusal from a real pip,
 * real venvs, real installs from a local index, a real terminal, and no leakage from the
 * developer's environment. Every assertion here can fail if the harness is wrong.
 */
class HarnessIT {

    private static final Duration PIP = Duration.ofSeconds(60);
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    static Path shared;

    static TestEnv env;
    static ManagedPython python;
    static Path venv;

    /** One venv for the class: ensurepip makes creating one take several seconds. */
    @BeforeAll
    static void setUp() {
        env = TestEnv.in(shared.resolve("env"));
        python = ManagedPython.create(shared.resolve("python"));
        venv = shared.resolve("venv");
        Proc.Result r = Proc.run(List.of(python.python().toString(), "-m", "venv", venv.toString()),
                env.map(), shared, PIP);
        assertEquals(0, r.exit(), r.describe());
    }

    @Test
    void managedPythonRefusesInstallsUntilMarkerRemoved(@TempDir Path tmp) throws Exception {
        ManagedPython mp = ManagedPython.create(tmp.resolve("py"));
        // Whatever this system's Python is (3.11 on Debian 12, 3.13 on Debian 13): asked of it, not assumed.
        Proc.Result system = Proc.run(List.of("/usr/bin/python3", "-I", "-c",
                "import sys; print('%d.%d' % sys.version_info[:2])"), env.map(), tmp, QUICK);
        assertEquals(system.stdout().strip(), mp.version(), system.describe());

        Proc.Result prefix = Proc.run(List.of(mp.python().toString(), "-c", "import sys; print(sys.prefix)"),
                env.map(), tmp, QUICK);
        assertEquals(mp.root().toString(), prefix.stdout().strip(), prefix.describe());

        List<String> install = List.of(mp.python().toString(), "-m", "pip", "install", "--no-index", "somepkg");
        Proc.Result refused = Proc.run(install, env.map(), tmp, PIP);
        assertEquals(1, refused.exit(), refused.describe());
        assertTrue(refused.stderr().contains("externally-managed-environment"), refused.describe());
        assertTrue(refused.stderr().contains("safepip test marker: this Python is managed by the test"),
                refused.describe());

        // The pip script (what a user types) must hit the same marker.
        Proc.Result viaScript = Proc.run(List.of(mp.pip().toString(), "install", "--no-index", "somepkg"),
                env.map(), tmp, PIP);
        assertEquals(1, viaScript.exit(), viaScript.describe());
        assertTrue(viaScript.stderr().contains("safepip test marker"), viaScript.describe());

        mp.writeMarker("[externally-managed]\nError=second marker\n");
        Proc.Result rewritten = Proc.run(install, env.map(), tmp, PIP);
        assertTrue(rewritten.stderr().contains("second marker"), rewritten.describe());

        mp.removeMarker();
        Proc.Result further = Proc.run(install, env.map(), tmp, PIP);
        assertFalse(further.stderr().contains("externally-managed-environment"), further.describe());
        assertTrue(further.stderr().contains("No matching distribution found for somepkg"), further.describe());
    }

    @Test
    void recordingPipLogsArgumentsAndRunsPip(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("pip.log");
        Path dir = tmp.resolve("shim");
        Path pip = python.installRecordingPipAs(dir, log);
        assertEquals(dir.resolve("pip"), pip);

        // Found through PATH, as safepip would find it.
        Proc.Result r = Proc.run(List.of("pip", "--version"), env.withPathFirst(dir), tmp, QUICK);
        assertEquals(0, r.exit(), r.describe());
        // The system's own pip version (23.0.1 on Debian 12, 25.1.1 on Debian 13), asked of it.
        Proc.Result system = Proc.run(List.of("/usr/bin/python3", "-I", "-m", "pip", "--version"), env.map(), tmp,
                QUICK);
        String version = system.stdout().split(" ")[1];
        assertTrue(r.stdout().startsWith("pip " + version + " from " + python.root()), r.describe());
        assertEquals(List.of("--version"), Files.readAllLines(log));

        Path own = python.recordingPip(log);
        Proc.Result r2 = Proc.run(List.of(own.toString(), "list", "--format=freeze"), env.map(), tmp, PIP);
        assertEquals(0, r2.exit(), r2.describe());
        assertEquals(List.of("--version", "list --format=freeze"), Files.readAllLines(log));
    }

    @Test
    void venvFromManagedPythonIsARealVenv() {
        Proc.Result r = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c",
                "import sys; print(sys.prefix); print(sys.base_prefix)"), env.map(), shared, QUICK);
        assertEquals(0, r.exit(), r.describe());
        String[] lines = r.stdout().strip().split("\n");
        assertEquals(venv.toString(), lines[0], r.describe());
        assertEquals(python.root().toString(), lines[1], r.describe());
        assertNotEquals(lines[0], lines[1]);

        // PEP 668 does not apply inside a venv.
        Proc.Result pip = Proc.run(List.of(venv.resolve("bin/pip").toString(), "install", "--no-index", "somepkg"),
                env.map(), shared, PIP);
        assertFalse(pip.stderr().contains("externally-managed-environment"), pip.describe());
    }

    @Test
    void wheelsFromLocalIndexInstallWithDependencies(@TempDir Path tmp) {
        Path wheels = tmp.resolve("wheels");
        Path a = WheelBuilder.of("pkgA", "1.0")
                .module("pkga", "VALUE = 'pkgA 1.0'\ndef main():\n    print('hello from pkga')\n")
                .consoleScript("pkga-hello", "pkga:main")
                .requires("pkgB>=1.0")
                .build(wheels);
        assertEquals("pkgA-1.0-py3-none-any.whl", a.getFileName().toString());

        try (LocalIndex index = LocalIndex.serve(wheels)) {
            // Added after the server started: the index must rescan.
            WheelBuilder.of("pkgB", "1.0").build(wheels);

            Proc.Result install = Proc.run(List.of(venv.resolve("bin/pip").toString(), "install",
                    "--index-url", index.url(), "pkgA"), env.map(), tmp, PIP);
            assertEquals(0, install.exit(), install.describe());
            assertTrue(install.stdout().contains("Successfully installed pkgA-1.0 pkgB-1.0"), install.describe());

            assertTrue(index.requestCount() >= 4, index.requests().toString());
            assertTrue(index.requests().containsAll(List.of("/simple/pkga/", "/simple/pkgb/",
                    "/files/pkgA-1.0-py3-none-any.whl", "/files/pkgB-1.0-py3-none-any.whl")),
                    index.requests().toString());
        }

        Proc.Result imp = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c",
                "import pkga, pkgb; print(pkga.VALUE); print(pkgb.VALUE)"), env.map(), tmp, QUICK);
        assertEquals("pkgA 1.0\npkgB 1.0\n", imp.stdout(), imp.describe());

        Proc.Result script = Proc.run(List.of(venv.resolve("bin/pkga-hello").toString()), env.map(), tmp, QUICK);
        assertEquals(0, script.exit(), script.describe());
        assertEquals("hello from pkga\n", script.stdout(), script.describe());
    }

    @Test
    void tmuxGivesARealTerminal(@TempDir Path tmp) {
        List<String> probe = List.of("/bin/sh", "-c",
                "if [ -t 0 ] && [ -t 1 ]; then echo TTY-YES; fi; read x; echo got:$x");
        try (Tmux t = Tmux.start("harness", probe, env.map(), tmp, 100, 30)) {
            t.waitFor("TTY-YES", QUICK);
            t.sendKeys("hello", "Enter");
            t.waitFor("got:hello", QUICK);
            assertEquals(0, t.waitForExit(QUICK), t.capture());
        }
        try (Tmux t = Tmux.start("harness", List.of("/bin/sh", "-c", "exit 3"), env.map(), tmp, 80, 24)) {
            assertEquals(3, t.waitForExit(QUICK));
        }
    }

    @Test
    void childrenSeeOnlyTheTestEnvironment(@TempDir Path tmp) {
        Proc.Result r = Proc.run(List.of("/usr/bin/env"), env.map(), tmp, QUICK);
        Map<String, String> seen = new java.util.TreeMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            seen.put(line.substring(0, eq), line.substring(eq + 1));
        }
        assertEquals(env.map(), seen);

        // pip must not see the machine's pip.conf (extra index URLs) or PIP_FIND_LINKS.
        Proc.Result conf = Proc.run(List.of(python.python().toString(), "-m", "pip", "config", "debug"),
                env.map(), tmp, PIP);
        assertEquals(0, conf.exit(), conf.describe());
        assertFalse(conf.stdout().contains("index-url"), conf.describe());
        assertFalse(conf.stdout().contains("find-links"), conf.describe());

        Proc.Result in = Proc.run(List.of("/bin/cat"), env.map(), tmp, QUICK, "abc".getBytes(StandardCharsets.UTF_8));
        assertEquals("abc", in.stdout());
    }

    @Test
    void procKillsTheWholeTreeOnTimeout(@TempDir Path tmp) {
        long start = System.nanoTime();
        // The background sleep inherits stdout: unless it is killed too, reading would hang.
        AssertionError e = assertThrows(AssertionError.class, () -> Proc.run(
                List.of("/bin/sh", "-c", "echo started; sleep 30 & sleep 30; wait"),
                env.map(), tmp, Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(e.getMessage().contains("started"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 4, "took too long");
    }
}
