package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's fast path with a java that fails at once (SAFEPIP_JAVA): every command PEP 668 cannot concern, on
 * the managed test Python and in an active venv, still works through safepip, and matches the real pip byte for byte
 * (stdout, stderr, exit code). A command that needed the JVM would show the stand-in's words and exit code.
 */
class FastPathIT {
    @TempDir
    static Path tmp;
    static Sandbox sandbox;
    static Path venv;
    static Path work;
    static Path failingJdk;
    @AutoClose
    static LocalIndex index;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        index = Sandbox.serve(tmp.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
        venv = tmp.resolve("venv");
        Proc.Result made = Proc.run(List.of("/usr/bin/python3", "-m", "venv", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        failingJdk = tmp.resolve("failing-jdk");
        Files.createDirectories(failingJdk.resolve("bin"));
        Files.writeString(failingJdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        Path java = failingJdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'the stand-in JVM started' >&2\nexit 97\n");
        assertTrue(java.toFile().setExecutable(true));
        work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("req.txt"), "pkgA\n");
        Proc.Result installed = Proc.run(List.of(venv.resolve("bin/pip").toString(), "install", "pkgA"), venvEnv(),
                work, Duration.ofSeconds(120));
        assertEquals(0, installed.exit(), installed.describe());
    }

    static Map<String, String> managedEnv() {
        Map<String, String> env = sandbox.env(index);
        env.put("PIP_NO_CACHE_DIR", "1");
        env.put("SAFEPIP_JAVA", failingJdk.toString());
        return env;
    }

    /** An activated venv, as `source venv/bin/activate` leaves it. */
    static Map<String, String> venvEnv() {
        Map<String, String> env = sandbox.testEnv().withPathFirst(venv.resolve("bin"));
        env.put("VIRTUAL_ENV", venv.toString());
        env.put("PIP_INDEX_URL", index.url());
        env.put("PIP_NO_CACHE_DIR", "1");
        env.put("SAFEPIP_JAVA", failingJdk.toString());
        return env;
    }

    static List<String> words(String line) {
        return line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));
    }

    @Test
    void theManagedPythonsPipCommandsThatPep668CannotBlock() {
        Path target = work.resolve("target");
        assertSameAsPip(sandbox.managed().pip(), managedEnv(), List.of("", "--version", "-V", "list", "--isolated list",
                "-v list", "-q freeze", "freeze", "show pip", "help", "help install", "install --help", "uninstall -h",
                "config list", "no-such-command", "list --no-such-option", "--log " + work.resolve("log") + " --version",
                "install --dry-run --report - --quiet pkgA", "-- list",
                "install --target " + target + " pkgA", "install --no-index --find-links . -t " + target + " nothing"),
                () -> PassThroughCorpusIT.delete(target));
    }

    @Test
    void anActiveVenvsInstallAndUninstallToo() {
        assertSameAsPip(venv.resolve("bin/pip"), venvEnv(), List.of("--version", "list", "freeze", "install pkgA",
                "-v install pkgA", "install -r req.txt", "--isolated install pkgA", "uninstall -y not-installed-here",
                "install --no-such-option pkgA", "install", "--require-virtualenv install pkgA"), () -> { });
    }

    @Test
    void calledAsPip3ItRunsTheFirstRealPip3() throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("pip3"), Launcher.script());
        Map<String, String> env = venvEnv();
        env.put("PATH", links + ":" + env.get("PATH"));
        Proc.Result through = Proc.run(List.of(links.resolve("pip3").toString(), "install", "pkgA"), env, work,
                Duration.ofSeconds(120));
        Proc.Result real = Proc.run(List.of(venv.resolve("bin/pip3").toString(), "install", "pkgA"), env, work,
                Duration.ofSeconds(120));
        assertEquals(real.exit(), through.exit(), through.describe());
        assertEquals(real.stdout(), through.stdout());
        assertEquals(real.stderr(), through.stderr());
    }

    @Test
    void aCommandThatNeedsTheJvmShowsTheStandInFailing() {
        // The control: were the JVM started for the commands above, this is what they would have shown.
        Proc.Result blocked = Launcher.run(managedEnv(), work, "install", "pkgA");
        assertEquals(97, blocked.exit(), blocked.describe());
        assertTrue(blocked.stderr().contains("the stand-in JVM started"), blocked.describe());
    }

    private void assertSameAsPip(Path pip, Map<String, String> env, List<String> corpus, Runnable reset) {
        List<String> differences = new ArrayList<>();
        for (String line : corpus) {
            Proc.Result through = Launcher.run(env, work, words(line));
            reset.run();
            List<String> direct = new ArrayList<>(List.of(pip.toString()));
            direct.addAll(words(line));
            Proc.Result real = Proc.run(direct, env, work, Duration.ofSeconds(120));
            reset.run();
            if (through.exit() != real.exit() || !Arrays.equals(through.stdoutBytes(), real.stdoutBytes())
                    || !through.stderr().equals(real.stderr())) {
                differences.add("[" + line + "]\n--- pip:\n" + real.describe() + "\n--- safepip:\n"
                        + through.describe());
            }
        }
        assertEquals(List.of(), differences, String.join("\n\n", differences));
    }
}
