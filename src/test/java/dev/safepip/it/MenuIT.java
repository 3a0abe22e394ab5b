package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.JsonObject;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.Tmux;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real terminal (tmux) a blocked install asks how to redo it: every way out is listed with the recommended
 * one as the default, the answer is carried out for real, a wrong answer is asked again and q does nothing.
 */
class MenuIT {
    private static final Duration MENU = Duration.ofSeconds(60);
    private static final Duration INSTALL = Duration.ofSeconds(180);
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final String REASK = "Please answer with the number of an available choice, or q.";
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path work;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("pkgB", "1.0")
                        .module("pkgb", "def main():\n    print('hello from pkgb')\n")
                        .consoleScript("pkgb-hello", "pkgb:main")
                        // Shaped like a real application: its command named after it, a console classifier.
                        .classifier("Environment :: Console"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        // No project markers here or above: the venv route goes to the user's default venv.
        work = Files.createDirectories(tmp.resolve("work"));
    }

    /** safepip with its arguments, under bash, which reports the exit status on screen (see TerminalIT). */
    static List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/bash", "-c", "\"$@\"; echo \"EXIT=$?\"", "bash",
                Launcher.script().toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    @Test
    void enterTakesTheRecommendedVenvRoute() throws IOException {
        Path defaultVenv = sandbox.defaultVenv();
        try (Tmux tmux = Tmux.start("menu-default", argv("install", "pkgA"), sandbox.env(index), work, 200, 60)) {
            String menu = tmux.waitFor("Choice [1]:", MENU);
            assertTrue(menu.contains("How should safepip install pkgA?"), menu);
            assertTrue(lineWith(menu, "1) ").contains("into a virtual environment: " + defaultVenv
                    + "   (recommended: no project here)"), menu);
            assertFalse(Files.exists(defaultVenv), "nothing may be created before the answer");
            tmux.sendKeys("Enter");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertEquals(0, exitOf(screen), screen);
            assertTrue(screen.contains("installed into " + defaultVenv), screen);
        }
        assertImports(defaultVenv, "pkga", "pkgA 1.0");
        assertEquals(List.of(), list(work), "nothing may be written into the working folder");
        List<JsonObject> records = ledgerRecords();
        assertEquals(1, records.size(), records.toString());
        assertEquals("venv", records.get(0).getString("route", null), records.toString());
        assertEquals(defaultVenv.toString(), records.get(0).getString("location", null), records.toString());
        assertEquals(0, records.get(0).getInt("exit", -1), records.toString());
        assertSystemPythonLacks("pkga");
    }

    @Test
    void theMenuListsEveryWayOutAndQDoesNothing() throws IOException {
        try (Tmux tmux = Tmux.start("menu-quit", argv("install", "pkgA"), sandbox.env(index), work, 200, 60)) {
            String menu = tmux.waitFor("Choice [1]:", MENU);
            assertTrue(menu.contains("is externally managed (PEP 668)"), menu);
            assertTrue(menu.contains("1) into a virtual environment: " + sandbox.defaultVenv()), menu);
            assertTrue(menu.contains("2) with pipx, for command-line applications"), menu);
            // pkgA's wheel declares no commands: pipx, for applications, is offered but greyed, with the reason.
            assertTrue(lineWith(menu, "2) ").contains("(not possible: pkgA is a library"), menu);
            assertTrue(menu.contains("3) with apt, system-wide"), menu);
            assertTrue(menu.contains("4) into the system Python anyway (--break-system-packages)"), menu);
            assertTrue(lineWith(menu, "4) ").contains("(dangerous)"), menu);
            assertTrue(menu.contains("q) do nothing"), menu);
            tmux.typeLine("q");
            String screen = tmux.waitFor("EXIT=", QUICK);
            assertEquals(1, exitOf(screen), screen);
            assertTrue(screen.contains("safepip: nothing done."), screen);
        }
        assertFalse(Files.exists(sandbox.defaultVenv()), "q must create no venv");
        assertFalse(Files.exists(sandbox.ledger()), "q must record nothing");
        assertEquals(List.of(), list(work));
        assertEquals(List.of(), list(sandbox.testEnv().pipxBin()), "q must not run pipx");
        assertSystemPythonLacks("pkga");
    }

    @Test
    void choosingPipxInstallsTheApplicationWithPipx() throws IOException {
        Path pipx = Prerequisites.command("pipx", "pipx");
        Path pipxBin = sandbox.testEnv().pipxBin();
        // In a project the default is the project's venv: pipx is a choice the user makes.
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("requirements.txt"), "");
        try (Tmux tmux = Tmux.start("menu-pipx", argv("install", "pkgB"), sandbox.env(index), project, 200, 60)) {
            String menu = tmux.waitFor("Choice [1]:", MENU);
            assertTrue(lineWith(menu, "2) ").contains("with pipx, for command-line applications: "
                    + "one environment per application, commands in " + pipxBin), menu);
            assertFalse(lineWith(menu, "2) ").contains("not possible"), menu);
            tmux.typeLine("2");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertEquals(0, exitOf(screen), screen);
            assertTrue(screen.contains("safepip: running " + pipx + " install"), screen);
        }
        Path app = pipxBin.resolve("pkgb-hello");
        assertTrue(Files.isExecutable(app), "pipx put no pkgb-hello in " + pipxBin + ": " + list(pipxBin));
        Proc.Result hello = Proc.run(List.of(app.toString()), sandbox.testEnv().map(), work, QUICK);
        assertEquals(0, hello.exit(), hello.describe());
        assertEquals("hello from pkgb\n", hello.stdout(), hello.describe());
        assertFalse(Files.exists(project.resolve(".venv")), "the pipx route must not create the project's venv");
        assertFalse(Files.exists(sandbox.defaultVenv()), "the pipx route must not create safepip's venv");
        List<JsonObject> records = ledgerRecords();
        assertEquals(1, records.size(), records.toString());
        assertEquals("pipx", records.get(0).getString("route", null), records.toString());
        assertEquals(0, records.get(0).getInt("exit", -1), records.toString());
        assertEquals("pkgb", records.get(0).get("packages").asArray().get(0).asString(), records.toString());
        assertSystemPythonLacks("pkgb");
    }

    @Test
    void anApplicationOutsideAProjectIsRecommendedToPipx() throws IOException {
        try (Tmux tmux = Tmux.start("menu-app", argv("install", "pkgB"), sandbox.env(index), work, 200, 60)) {
            String menu = tmux.waitFor("Choice [2]:", MENU);
            assertTrue(lineWith(menu, "2) ").contains("(recommended: command-line application"), menu);
            assertFalse(lineWith(menu, "1) ").contains("recommended"), menu);
            tmux.typeLine("q");
            String screen = tmux.waitFor("EXIT=", QUICK);
            assertEquals(1, exitOf(screen), screen);
        }
        assertEquals(List.of(), list(sandbox.testEnv().pipxBin()));
        assertFalse(Files.exists(sandbox.defaultVenv()));
    }

    @Test
    void anAnswerThatIsNoChoiceIsAskedAgain() throws IOException {
        try (Tmux tmux = Tmux.start("menu-reask", argv("install", "pkgA"), sandbox.env(index), work, 200, 60)) {
            tmux.waitFor("Choice [1]:", MENU);
            tmux.typeLine("9");
            String once = waitUntil(tmux, s -> count(s, REASK) == 1 && count(s, "Choice [1]:") == 2,
                    "the re-ask after 9", QUICK);
            assertFalse(once.contains("EXIT="), once);
            tmux.typeLine("banana");
            String twice = waitUntil(tmux, s -> count(s, REASK) == 2 && count(s, "Choice [1]:") == 3,
                    "the re-ask after banana", QUICK);
            assertFalse(twice.contains("EXIT="), twice);
            // A choice shown but not possible (pipx, for a library) is no answer either.
            assertTrue(lineWith(twice, "2) ").contains("not possible"), twice);
            tmux.typeLine("2");
            String thrice = waitUntil(tmux, s -> count(s, REASK) == 3 && count(s, "Choice [1]:") == 4,
                    "the re-ask after 2 (not possible)", QUICK);
            assertFalse(thrice.contains("EXIT="), thrice);
            assertFalse(Files.exists(sandbox.defaultVenv()), "a wrong answer must do nothing");
            assertEquals(List.of(), list(sandbox.testEnv().pipxBin()), "a greyed choice must not run");
            tmux.typeLine("1");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertEquals(0, exitOf(screen), screen);
            assertEquals(3, count(screen, REASK), screen);
        }
        assertImports(sandbox.defaultVenv(), "pkga", "pkgA 1.0");
    }

    @Test
    void theRecommendationAndItsReasonAreShownAndFollowed() throws IOException {
        // In a project, the venv goes to the project's .venv; the menu must say so and why.
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"0\"\n");
        Path sub = Files.createDirectories(project.resolve("src"));
        Path projectVenv = project.resolve(".venv");
        try (Tmux tmux = Tmux.start("menu-why", argv("install", "pkgA"), sandbox.env(index), sub, 200, 60)) {
            String menu = tmux.waitFor("Choice [1]:", MENU);
            String first = lineWith(menu, "1) ");
            assertTrue(first.contains("into a virtual environment: " + projectVenv), menu);
            assertTrue(first.contains("(recommended: the project at " + project + " (pyproject.toml))"), menu);
            for (String other : List.of("2) ", "3) ", "4) ")) {
                assertFalse(lineWith(menu, other).contains("recommended"), menu);
            }
            tmux.sendKeys("Enter");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertEquals(0, exitOf(screen), screen);
        }
        assertImports(projectVenv, "pkga", "pkgA 1.0");
        assertFalse(Files.exists(sandbox.defaultVenv()), "the recommended venv was the project's, not the default one");
        assertFalse(Files.exists(sub.resolve(".venv")), "the venv belongs at the project root");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertImports(Path venv, String module, String value) {
        Path python = venv.resolve("bin").resolve("python");
        assertTrue(Files.isExecutable(python), "no venv at " + venv);
        Proc.Result r = Proc.run(List.of(python.toString(), "-c", "import " + module + "; print(" + module
                + ".VALUE)"), sandbox.testEnv().map(), work, QUICK);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(value + "\n", r.stdout(), r.describe());
    }

    /** The managed ("system") Python itself must never have received the package. */
    private void assertSystemPythonLacks(String module) {
        Proc.Result r = Proc.run(List.of(sandbox.managed().python().toString(), "-c", "import " + module),
                sandbox.testEnv().map(), work, QUICK);
        assertNotEquals(0, r.exit(), "the system Python can import " + module + ": " + r.describe());
    }

    private List<JsonObject> ledgerRecords() throws IOException {
        assertTrue(Files.isRegularFile(sandbox.ledger()), "no ledger at " + sandbox.ledger());
        return sandbox.ledgerRecords();
    }

    private static int exitOf(String screen) {
        Matcher m = EXIT.matcher(screen);
        assertTrue(m.find(), "no EXIT= line on screen:\n" + screen);
        return Integer.parseInt(m.group(1));
    }

    /** The menu line of a choice, e.g. "2) ". */
    private static String lineWith(String screen, String choice) {
        return screen.lines().filter(l -> l.strip().startsWith(choice)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice «" + choice + "» on screen:\n" + screen));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static String waitUntil(Tmux tmux, Predicate<String> ready, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = tmux.capture();
        while (!ready.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            screen = tmux.capture();
        }
        return screen;
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
