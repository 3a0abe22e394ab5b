package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.RecordingTools;
import dev.safepip.harness.TestEnv;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What --plan prints is what a run with the same options runs: every way of choosing (--via for each route, --yes,
 * the config file, the menu) is planned, then run, and the commands safepip says it runs — and, for pipx and apt,
 * what a recording pipx / apt-get / sudo first on PATH was really asked — are the plan's, word for word. The venv
 * and break routes run for real; pipx and apt are stand-ins here only so that nothing outside the test changes
 * (PipxRouteIT and SystemRouteIT run the real ones).
 */
class PlanMatchesRunIT {
    /** Anywhere in a line: after the menu, the answer's newline is the terminal's, not in the log. */
    private static final Pattern RUNNING = Pattern.compile("safepip: [^:]*?(?:: )?running (.*)$");

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path work;
    Path bin;
    Path calls;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .module("hello_app", "def main():\n    print('hello')\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        work = Files.createDirectories(tmp.resolve("work"));
        bin = Files.createDirectories(tmp.resolve("recording-bin"));
        calls = tmp.resolve("calls.log");
        RecordingTools.write(bin, calls, "pipx", "apt-get", "sudo");
    }

    private Map<String, String> env() {
        return TestEnv.withPathFirst(sandbox.env(index), bin);
    }

    @Test
    void venvByOption() throws IOException {
        assertRunIsThePlan(env(), List.of("--via=venv", "install", "pkgA"), 0);
    }

    @Test
    void venvByYes() throws IOException {
        assertRunIsThePlan(env(), List.of("--yes", "install", "pkgA"), 0);
    }

    @Test
    void breakByOption() throws IOException {
        assertRunIsThePlan(env(), List.of("--via=break", "install", "pkgA"), 0);
    }

    /** The recording pipx installs nothing: safepip must say so and not exit 0. */
    @Test
    void pipxByOption() throws IOException {
        Proc.Result run = assertRunIsThePlan(env(), List.of("--via=pipx", "install", "hello-app"), 1);
        assertTrue(run.stderr().contains("it was not installed"), run.describe());
        assertRecorded("pipx install --python");
    }

    @Test
    void pipxByConfigFile() throws IOException {
        Path config = sandbox.testEnv().xdgConfig().resolve("safepip/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "via = pipx\n", StandardCharsets.UTF_8);
        assertRunIsThePlan(env(), List.of("install", "hello-app"), 1);
        assertRecorded("pipx install --python");
    }

    @Test
    void aptByOption() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-cache")), "a Debian-like system with apt");
        assertRunIsThePlan(env(), List.of("--via=apt", "install", SystemRouteIT.PYPI), 0);
        assertRecorded("install -y " + SystemRouteIT.DEBIAN);
    }

    /** An uninstall is planned too: the venv's own pip, with the same arguments, as --plan shows it. */
    @Test
    void uninstallFromTheVenv() throws IOException {
        Proc.Result install = Launcher.run(env(), work, "--via=venv", "install", "pkgA");
        assertEquals(0, install.exit(), install.describe());
        Proc.Result run = assertRunIsThePlan(env(), List.of("uninstall", "-y", "pkgA"), 0);
        assertTrue(ran(run.stderr()).get(0).endsWith("/bin/pip uninstall -y pkgA"), run.describe());
        // Gone from there: the ledger no longer holds it, so nothing is planned a second time.
        assertTrue(planned(Launcher.run(env(), work, "--plan", "uninstall", "-y", "pkgA")).isEmpty());
    }

    /**
     * apt's removal: --plan asks apt-get -s (which changes nothing) and shows the removal; the run asks the same,
     * then runs that removal and nothing else.
     */
    @Test
    void uninstallWithApt() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-cache")), "a Debian-like system with apt");
        Path aptGet = bin.resolve("apt-get");
        Files.writeString(aptGet, "#!/bin/sh\nprintf 'apt-get %s\\n' \"$*\" >> '" + calls + "'\n"
                + "if [ \"$1\" = -s ] && [ \"$2\" = remove ]; then echo 'Remv " + SystemRouteIT.DEBIAN
                + " [1.0-1]'; fi\nexit 0\n", StandardCharsets.UTF_8);
        Proc.Result install = Launcher.run(env(), work, "--via=apt", "install", SystemRouteIT.PYPI);
        assertEquals(0, install.exit(), install.describe());
        Files.delete(calls);
        List<String> args = List.of("--yes", "uninstall", "-y", SystemRouteIT.PYPI);
        List<String> planArgs = new ArrayList<>(List.of("--plan"));
        planArgs.addAll(args);
        Proc.Result plan = Launcher.run(env(), work, planArgs);
        assertEquals(0, plan.exit(), plan.describe());
        List<String> planned = planned(plan);
        assertEquals(1, planned.size(), plan.describe());
        assertTrue(planned.get(0).endsWith("apt-get remove -y " + SystemRouteIT.DEBIAN), plan.describe());
        String asked = "apt-get -s remove -- " + SystemRouteIT.DEBIAN + "\n";
        assertEquals(asked, Files.readString(calls), "--plan only asked apt");

        Proc.Result run = Launcher.run(env(), work, args);
        assertEquals(0, run.exit(), run.describe());
        assertEquals(planned, ran(run.stderr()), plan.describe() + "\n" + run.describe());
        // sudo is handed the program found in the system's folders, shown by its name.
        List<String> toolCalls = new ArrayList<>();
        for (String call : Files.readAllLines(calls)) {
            toolCalls.add(call.replaceFirst("^sudo /\\S*/", "sudo "));
        }
        assertEquals(List.of(asked.strip(), asked.strip(), planned.get(0)), toolCalls, run.describe());
    }

    /** On a terminal, Enter takes the menu's default: what --plan shows as the recommended way. */
    @Test
    void theMenusDefault() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed (.ci/run installs it)");
        Proc.Result plan = Launcher.run(env(), work, "--plan", "install", "pkgA");
        List<String> planned = planned(plan);
        Path log = tmp.resolve("menu.err");
        List<String> argv = new ArrayList<>(List.of("/bin/bash", "-c",
                "\"$@\" 2> >(tee '" + log + "' >&2); echo \"EXIT=$?\"", "bash", Launcher.script().toString(),
                "install", "pkgA"));
        try (Tmux tmux = Tmux.start("plan-menu", argv, env(), work, 200, 60)) {
            tmux.waitFor("Choice [", Duration.ofSeconds(120));
            tmux.sendKeys("Enter");
            String screen = tmux.waitFor("EXIT=", Duration.ofSeconds(180));
            assertTrue(screen.contains("EXIT=0"), screen);
        }
        String err = Files.readString(log);
        assertEquals(planned, ran(err), "the menu's default ran something else than --plan said:\n" + err);
    }

    // ---------------------------------------------------------------------------------------------------------

    private Proc.Result assertRunIsThePlan(Map<String, String> env, List<String> args, int exit) throws IOException {
        List<String> planArgs = new ArrayList<>(List.of("--plan"));
        planArgs.addAll(args);
        Proc.Result plan = Launcher.run(env, work, planArgs);
        assertEquals(0, plan.exit(), plan.describe());
        List<String> planned = planned(plan);
        assertFalse(planned.isEmpty(), "the plan names no command:\n" + plan.describe());
        assertFalse(Files.exists(calls), "--plan ran a tool: " + (Files.exists(calls) ? Files.readString(calls) : ""));

        Proc.Result run = Launcher.run(env, work, args);
        assertEquals(exit, run.exit(), run.describe());
        assertEquals(planned, ran(run.stderr()), "the run ran something else than --plan said:\n" + plan.describe()
                + "\n" + run.describe());
        if (Files.exists(calls)) {
            // What the stand-ins were really asked, against the plan's commands of those tools.
            List<String> toolCalls = planned.stream().filter(c -> c.matches("^(\\S*/)?(pipx|apt-get|sudo) .*"))
                    .map(c -> c.replaceFirst("^\\S*/", "")).toList();
            // apt's simulation (`apt-get -s`) is the plan's first command too; sudo is handed the program found in the
            // system's folders, shown by its name.
            List<String> asked = new ArrayList<>();
            for (String call : Files.readAllLines(calls)) {
                asked.add(call.replaceFirst("^sudo /\\S*/", "sudo "));
            }
            assertEquals(toolCalls, asked, run.describe());
        }
        return run;
    }

    /** The commands under "safepip plan: …:" up to "Nothing was run." */
    static List<String> planned(Proc.Result plan) {
        List<String> commands = new ArrayList<>();
        boolean inPlan = false;
        for (String line : plan.stderr().split("\n")) {
            if (line.startsWith("safepip plan:")) {
                inPlan = line.endsWith(":");
            } else if (line.startsWith("Nothing was run.")) {
                inPlan = false;
            } else if (inPlan && line.startsWith("    ")) {
                commands.add(line.strip());
            }
        }
        return commands;
    }

    /** The commands a run said it ran ("safepip: running …", "safepip: creating … : running …"). */
    static List<String> ran(String stderr) {
        List<String> commands = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = RUNNING.matcher(line.strip());
            if (m.find()) {
                commands.add(m.group(1).strip());
            }
        }
        return commands;
    }

    private void assertRecorded(String fragment) throws IOException {
        assertTrue(Files.exists(calls) && Files.readString(calls).contains(fragment),
                "no call with '" + fragment + "': " + (Files.exists(calls) ? Files.readString(calls) : "none"));
    }
}
