package dev.safepip.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.GoldenFile;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.OutputFilters;
import dev.safepip.harness.Proc;
import dev.safepip.harness.Tmux;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users read of the real safepip, whole: the launcher and the packaged jar run as a process against a
 * test-owned externally managed Python and a local index (the real planner, chooser, pip, venv and, for the menu,
 * tmux; pipx is asked its version only), each output made machine-independent by {@link #filters} and checked against
 * a golden file in {@code src/test/resources/dev/safepip/golden/} (stdout, stderr and the exit code in one file, as
 * uv's snapshots).
 * Every scenario of a test is checked before it fails, so one run shows every diff.
 *
 * <p>After a deliberate change, regenerate every file with one command (only files that differ are rewritten), then
 * read {@code git diff}:
 * <pre>
 * mvn -o -q package -DskipTests &amp;&amp; mvn -o -B failsafe:integration-test failsafe:verify -Dit.test=GoldenOutputIT -Dsafepip.golden.update=true
 * </pre>
 *
 * <p>pip's own lines differ between pip versions, so they are never in a golden file: every block of child output
 * after "safepip: running …" is dropped ({@link OutputFilters#withoutChildOutput}), and scenarios that run pip set
 * PIP_QUIET so that pip's progress lines on stdout stay empty too.
 */
class GoldenOutputIT {
    private static final Path GOLDEN = Launcher.root().resolve("src/test/resources/dev/safepip/golden");
    private static final Duration MENU = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    @AutoClose
    static LocalIndex index;
    static ManagedPython managed;
    static OutputFilters filters;
    static Path aptConfig;
    /** This test's differences, reported together after it: one run shows every diff. */
    static final List<AssertionError> FAILURES = new ArrayList<>();

    @BeforeAll
    static void world() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pipx")), "pipx is installed (.ci/run installs it)");
        tmp = tmp.toRealPath();
        managed = ManagedPython.create(tmp.resolve("managed"));
        index = Sandbox.serve(tmp.resolve("wheels"),
                WheelBuilder.of("golden-lib", "1.0").module("golden_lib", "VALUE = 'golden-lib 1.0'\n"),
                // Shaped like a real application: its command named after it, a console classifier.
                WheelBuilder.of("golden-app", "1.0").consoleScript("golden-app", "golden_app:main")
                        .module("golden_app", "def main():\n    print('hello from golden-app')\n")
                        .classifier("Environment :: Console"));
        filters = filters();
        Path lists = Files.createDirectories(tmp.resolve("apt/lists/partial")).getParent();
        Path cache = Files.createDirectories(tmp.resolve("apt/cache/archives/partial")).getParent().getParent();
        aptConfig = Files.writeString(tmp.resolve("apt/apt.conf"), "Dir::State::Lists \"" + lists + "\";\n"
                + "Dir::Cache \"" + cache + "\";\n", StandardCharsets.UTF_8);
    }

    /**
     * Everything of this machine and this run: the test's folder and each world's home and XDG folders in it, the
     * index's port, the JDK, the versions of Python, pip, pipx and safepip (each asked of the tool itself), times,
     * and the few facts of the machine that safepip reports but a test cannot set (below, each with its reason).
     */
    private static OutputFilters filters() throws IOException {
        Map<String, String> env = Sandbox.in(tmp.resolve("probe"), managed).env();
        String python = run(env, managed.python().toString(), "-c",
                "import platform; print(platform.python_version())").strip();
        String pip = OutputFilters.find("^pip (\\S+)", run(env, managed.python().toString(), "-m", "pip",
                "--version"));
        String pipx = run(env, "/usr/bin/pipx", "--version").strip();
        String safepip = OutputFilters.find("^safepip (\\S+) ", Launcher.run(env, tmp, "where", "-V").stdout());
        return new OutputFilters()
                .literal(tmp.toString(), "[TMP]")
                .literal(index.url(), "[INDEX_URL]")
                .literal(python, "[PYTHON_VERSION]")
                .literal(managed.version(), "[PYTHON_MINOR]")
                .literal(pip, "[PIP_VERSION]")
                .literal(pipx, "[PIPX_VERSION]")
                .literal(safepip, "[SAFEPIP_VERSION]")
                .literal(Launcher.root().toString(), "[SAFEPIP_ROOT]")
                // Each world's own folders, by the variable that names them (TestEnv's layout).
                .pattern("\\[TMP]/[a-z-]+/env/home", "[HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/xdg/config-dirs", "[XDG_CONFIG_DIRS]")
                .pattern("\\[TMP]/[a-z-]+/env/xdg/config", "[XDG_CONFIG_HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/xdg/data", "[XDG_DATA_HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/xdg/state", "[XDG_STATE_HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/xdg/cache", "[XDG_CACHE_HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/pipx/home", "[PIPX_HOME]")
                .pattern("\\[TMP]/[a-z-]+/env/pipx/bin", "[PIPX_BIN_DIR]")
                .pattern("\\[TMP]/[a-z-]+/work", "[WORK]")
                // The launcher picks its own JDK (JAVA_HOME, else the newest it finds): not always the tests' one.
                .pattern("on Java \\S+ \\([^)]*\\)", "on Java [JAVA_VERSION] ([JAVA_HOME])")
                // Times the ledger recorded, as where shows them.
                .pattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "[DATE TIME]")
                // rescue makes each wheel in a folder of a random name (Long.toHexString: up to 16 digits, fewer at times).
                .pattern("(/rescued/[^/\\s]+)-[0-9a-f]+/", "$1-[RANDOM]/")
                // Who runs the tests: root reads the apt route without sudo, a normal user reads "(needs sudo)"
                // after its name and "sudo " before its command; the files of the test's Python (rescue) are root's
                // or the user's. Golden files hold root's words, with rescue's "root's files" in brackets.
                .pattern(" \\(needs sudo\\)", "")
                .pattern("(?m)^(\\s+)sudo apt-get ", "$1apt-get ")
                .pattern(" \\(system-wide(, root's files)?\\)", " (system-wide[, root's files])")
                // Whether this machine's apt keeps a cache of its own, and its size; and whether /etc/pip.conf is
                // there (pip's global config: the Sandbox makes pip ignore it, doctor only lists it).
                .pattern("(?m)^apt cache: .*$", "apt cache:     [APT CACHE]")
                .pattern("/etc/pip\\.conf( \\(absent\\))?", "/etc/pip.conf[ (absent)]")
                // /.dockerenv or /run/.containerenv: the report adds a Dockerfile's lines in a container (as on this
                // machine, not on another); BlockedReportGoldenTest's container.txt keeps that text.
                .pattern("(?m)^This is a container\\. In its Dockerfile, use a venv:\n(    .*\n)*", "");
    }

    private static String run(Map<String, String> env, String... argv) {
        Proc.Result r = Proc.run(List.of(argv), env, tmp, Duration.ofSeconds(60));
        if (r.exit() != 0) {
            throw new AssertionError(r.describe());
        }
        return r.stdout();
    }

    /** A world of its own: home, XDG and pipx folders, and a working folder with no project in it or above. */
    private static World world(String name) throws IOException {
        Sandbox sandbox = Sandbox.in(tmp.resolve(name), managed);
        return new World(sandbox, env(sandbox), Files.createDirectories(tmp.resolve(name).resolve("work")));
    }

    /**
     * The Sandbox's environment, with the index, pip quiet (its progress lines on stdout differ by version), and
     * apt's lists in an empty folder of the test's (APT_CONFIG): no Debian package is known, whatever this machine's
     * apt has fetched, so the apt route reads the same everywhere (and safepip's apt cache is built at once).
     */
    private static Map<String, String> env(Sandbox sandbox) {
        Map<String, String> env = sandbox.env(index);
        env.put("PIP_QUIET", "1");
        env.put("APT_CONFIG", aptConfig.toString());
        return env;
    }

    record World(Sandbox sandbox, Map<String, String> env, Path work) {
        /** safepip with no terminal (stdin /dev/null, stdout and stderr pipes), its output checked whole. */
        void golden(String name, String... args) {
            Proc.Result r = Launcher.run(env, work, args);
            System.out.println("GoldenOutputIT: " + name + " " + r.took().toMillis() + " ms");
            check(name, "$ safepip " + String.join(" ", args) + "\n"
                    + "exit_code: " + r.exit() + "\n"
                    + "----- stdout -----\n" + r.stdout()
                    + "----- stderr -----\n" + OutputFilters.withoutChildOutput(r.stderr()));
        }
    }

    private static void check(String name, String raw) {
        try {
            GoldenFile.at(GOLDEN, name).check(filters.apply(raw));
        } catch (AssertionError e) {
            FAILURES.add(e);
        }
    }

    @AfterEach
    void report() {
        List<String> messages = new ArrayList<>();
        for (AssertionError failure : FAILURES) {
            messages.add(failure.getMessage());
        }
        FAILURES.clear();
        if (!messages.isEmpty()) {
            throw new AssertionError(messages.size() + " golden file(s) differ:\n\n" + String.join("\n", messages));
        }
    }

    @Test
    void aFreshWorld() throws IOException {
        World w = world("fresh");
        w.golden("where-empty", "where");
        w.golden("blocked-library", "install", "golden-lib");
        w.golden("blocked-application", "install", "golden-app");
        w.golden("plan-library", "--plan", "install", "golden-lib");
        w.golden("plan-application", "--plan", "install", "golden-app");
        w.golden("uninstall-unknown", "uninstall", "-y", "golden-unknown");
        w.golden("rescue-nothing", "rescue");
        w.golden("doctor", "doctor");
        w.golden("error-unknown-option", "where", "--bogus");
        w.golden("error-via-no-value", "--via");
        w.golden("error-via-bogus", "--via=bogus", "install", "golden-lib");
    }

    @Test
    void installWhereAndUninstall() throws IOException {
        World w = world("installed");
        w.golden("install-venv", "--yes", "install", "golden-lib");
        w.golden("where-installed", "where");
        w.golden("where-one", "where", "golden-lib");
        w.golden("uninstall-installed", "uninstall", "-y", "golden-lib");
    }

    @Test
    void damagedStateFiles() throws IOException {
        World w = world("damaged");
        Path config = w.sandbox().testEnv().xdgConfig().resolve("safepip/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "via = venv\nvia = pipx\n", StandardCharsets.UTF_8);
        w.golden("error-config-twice", "install", "golden-lib");
        Files.writeString(config, "via = \u001b]0;PWNED\u0007venv\n", StandardCharsets.UTF_8);
        w.golden("error-config-hostile", "install", "golden-lib");
        Files.delete(config);
        Files.createDirectories(w.sandbox().stateDir());
        Files.writeString(w.sandbox().ledger(), "{\"time\": \"2026-11-23T01:00:00Z\", \"action\": \"inst\n"
                + "not json at all\n"
                // Names golden-lib, on a route safepip never writes: the uninstall says it skipped a line.
                + "{\"time\": \"2026-11-23T01:00:00Z\", \"action\": \"install\", \"packages\": [\"golden-lib\"], "
                + "\"route\": \"nowhere\", \"exit\": 0}\n", StandardCharsets.UTF_8);
        w.golden("ledger-damaged-where", "where");
        w.golden("ledger-damaged-uninstall", "uninstall", "-y", "golden-lib");
    }

    @Test
    void rescueListsWhatPipLeftInTheSystem() throws IOException {
        // A Python of its own: this one is broken on purpose, the others stay clean.
        ManagedPython broken = ManagedPython.create(tmp.resolve("broken-python"));
        Sandbox sandbox = Sandbox.in(tmp.resolve("rescue"), broken);
        Map<String, String> env = env(sandbox);
        Path work = Files.createDirectories(tmp.resolve("rescue/work"));
        Proc.Result broke = Proc.run(List.of(broken.python().toString(), "-m", "pip", "install",
                "--break-system-packages", "golden-lib==1.0"), env, work, Duration.ofSeconds(120));
        if (broke.exit() != 0) {
            throw new AssertionError(broke.describe());
        }
        World w = new World(sandbox, env, work);
        w.golden("rescue-list", "rescue");
        w.golden("rescue-plan", "rescue", "--plan");
    }

    @Test
    void theMenuOnATerminal() throws IOException {
        World w = world("menu");
        List<String> argv = MenuIT.argv("install", "golden-lib");
        try (Tmux tmux = Tmux.start("golden-menu", argv, w.env(), w.work(), 200, 50)) {
            tmux.waitFor("Choice [", MENU);
            tmux.typeLine("x");
            tmux.waitFor("Please answer", MENU);
            tmux.typeLine("q");
            tmux.waitFor("EXIT=", MENU);
            String screen = tmux.captureAll();
            // Up to the exit status the wrapper prints: below it tmux notes the dead pane, with the time.
            int exit = screen.indexOf('\n', screen.indexOf("EXIT="));
            screen = exit < 0 ? screen : screen.substring(0, exit + 1);
            check("menu", "$ safepip install golden-lib   (on a 200x50 terminal; typed x Enter, then q Enter)\n"
                    + "----- screen -----\n" + OutputFilters.trimScreen(screen));
        }
    }
}
