package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of pip invocations run through safepip and straight through the real pip, against a venv's pip and
 * against the managed test Python, through the launcher's fast path and through the JVM: stdout must be
 * byte-identical and the exit code the same.
 * <p>The three runs of the corpus go side by side (each with its own venv or Python and its own folder): run one
 * after the other they were the slowest class of CI, about 160 s. The methods, not the class, are concurrent: the
 * class still runs alone, as every other class does.
 */
class PassThroughCorpusIT {
    @TempDir
    static Path tmp;

    static Sandbox sandbox;
    static Path venv;
    /** For the run through the JVM, which goes beside the fast path's run on the first venv. */
    static Path jvmVenv;
    @AutoClose
    static LocalIndex index;

    /** One invocation; reset undoes what it changed, so both sides start from the same state. */
    record Entry(List<String> args, Runnable reset) {
        Entry(String... args) {
            this(List.of(args), () -> { });
        }
    }

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        index = Sandbox.serve(tmp.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("pkgB", "2.0").consoleScript("pkgb-hello", "pkgb:main")
                        .module("pkgb", "def main():\n    print('hello from pkgb')\n"));
        venv = tmp.resolve("venv");
        jvmVenv = tmp.resolve("jvm-venv");
        for (Path dir : List.of(venv, jvmVenv)) {
            Proc.Result made = Proc.run(List.of("/usr/bin/python3", "-m", "venv", dir.toString()),
                    sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
            assertEquals(0, made.exit(), made.describe());
        }
    }

    /** A folder of the run's own, with the requirements file the corpus names. */
    static Path workFor(String run) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work-" + run));
        Files.writeString(work.resolve("req.txt"), "pkgA\n");
        return work;
    }

    static List<Entry> corpus(Path pip, Path work) {
        Path downloads = work.resolve("downloads");
        Path target = work.resolve("target");
        Path wheelDir = work.resolve("wheelhouse");
        Runnable uninstallA = () -> Proc.run(List.of(pip.toString(), "uninstall", "-y", "pkgA"), env(pip), work,
                Duration.ofSeconds(60));
        List<Entry> entries = new ArrayList<>(List.of(
                new Entry("--version"),
                new Entry("-V"),
                new Entry("list"),
                new Entry("list", "--format=json"),
                new Entry("list", "--format", "freeze"),
                new Entry("-v", "list"),
                new Entry("-q", "list"),
                new Entry("--isolated", "list"),
                new Entry("list", "--not-required"),
                new Entry("freeze"),
                new Entry("freeze", "--all"),
                new Entry("show", "pip"),
                new Entry("show", "-f", "pip"),
                new Entry("show", "no-such-package-here"),
                new Entry("no-such-command"),
                new Entry("list", "--no-such-option"),
                new Entry("--no-such-global-option", "list"),
                new Entry("config", "list"),
                new Entry("config", "debug"),
                new Entry("help"),
                new Entry("help", "install"),
                new Entry("install", "--help"),
                new Entry("uninstall", "-h"),
                new Entry("check"),
                new Entry("completion", "--bash"),
                new Entry("inspect"),
                new Entry("index", "versions", "pkgA"),
                new Entry("hash", work.resolve("req.txt").toString()),
                new Entry(List.of("download", "--no-deps", "-d", downloads.toString(), "pkgA"),
                        () -> delete(downloads)),
                new Entry(List.of("wheel", "--no-deps", "-w", wheelDir.toString(), "pkgB"), () -> delete(wheelDir)),
                new Entry(List.of("install", "pkgA"), uninstallA),
                new Entry(List.of("install", "-r", "req.txt"), uninstallA),
                new Entry("install", "--dry-run", "pkgB"),
                new Entry(List.of("install", "--target", target.toString(), "pkgA"), () -> delete(target)),
                new Entry("install", "--dry-run", "--report", "-", "--quiet", "pkgA"),
                new Entry("install"),
                new Entry("install", "-r", "missing-requirements.txt"),
                new Entry("uninstall", "-y", "pkgA"),
                new Entry("uninstall"),
                new Entry("install", "--no-such-install-option", "pkgA")));
        return entries;
    }

    static Map<String, String> env(Path pip) {
        Map<String, String> env = sandbox.testEnv().withPathFirst(pip.getParent());
        env.put("PIP_INDEX_URL", index.url());
        // A cached wheel would make the second run say "Using cached" where the first said "Downloading".
        env.put("PIP_NO_CACHE_DIR", "1");
        return env;
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void venvPipBehavesTheSameThroughSafepip() throws IOException {
        assertSameThroughSafepip(venv.resolve("bin").resolve("pip"), workFor("venv"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void managedPipBehavesTheSameThroughSafepip() throws IOException {
        assertSameThroughSafepip(sandbox.managed().pip(), workFor("managed"));
    }

    /**
     * The JVM's own pass-through (NONE, and NOT_MANAGED after its check), which the launcher's fast path otherwise
     * spares these commands; on the managed Python the installs take the JVM in the test above already.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void venvPipBehavesTheSameThroughSafepipsJvm() throws IOException {
        assertSameThroughSafepip(jvmVenv.resolve("bin").resolve("pip"), workFor("jvm"), "SAFEPIP_FASTPATH", "0");
    }

    private void assertSameThroughSafepip(Path pip, Path work, String... extraEnv) {
        Map<String, String> env = env(pip);
        for (int i = 0; i + 1 < extraEnv.length; i += 2) {
            env.put(extraEnv[i], extraEnv[i + 1]);
        }
        List<Entry> corpus = corpus(pip, work);
        assertTrue(corpus.size() >= 30, "the corpus has at least 30 invocations");
        List<String> differences = new ArrayList<>();
        for (Entry entry : corpus) {
            Proc.Result through = Launcher.run(env, work, entry.args());
            entry.reset().run();
            List<String> direct = new ArrayList<>();
            direct.add(pip.toString());
            direct.addAll(entry.args());
            Proc.Result real = Proc.run(direct, env, work, Duration.ofSeconds(120));
            entry.reset().run();
            if (through.exit() != real.exit()) {
                differences.add(entry.args() + ": exit " + through.exit() + " through safepip, " + real.exit()
                        + " from pip\n" + through.describe());
            }
            try {
                assertArrayEquals(real.stdoutBytes(), through.stdoutBytes());
            } catch (AssertionError e) {
                differences.add(entry.args() + ": stdout differs\n--- pip:\n" + real.stdout()
                        + "\n--- safepip:\n" + through.stdout());
            }
        }
        assertEquals(List.of(), differences, String.join("\n\n", differences));
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
