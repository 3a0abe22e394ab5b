package dev.safepip.ui;

import dev.safepip.harness.GoldenFile;
import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipOptionTable;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Facts;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Recommender;
import dev.safepip.plan.Route;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.WaysOut;
import dev.safepip.python.Interpreter;
import dev.safepip.python.MarkerMessage;
import dev.safepip.pip.Situation;
import dev.safepip.system.DevContainer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision core in-process: facts → ways out → recommendation → the whole report, the --plan lines and the
 * menu, each checked whole against a golden file (as uv snapshots its outputs), so that any change to what a user
 * reads shows up in review. Regenerate after a deliberate change with -Dsafepip.golden.update=true and read the
 * diff. Paths are made up and never touched: nothing here depends on the machine.
 */
class BlockedReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/safepip/ui/golden");
    private static final Path PYTHON = Path.of("/usr/bin/python3.11");
    private static final PipExecutable PIP = PipExecutable.script(Path.of("/usr/bin/pip"), "PATH");

    private static Situation situation() {
        Interpreter interpreter = new Interpreter(PYTHON, PYTHON, "3.11", Interpreter.Kind.SYSTEM, Path.of("/usr"),
                Path.of("/usr/lib/python3.11"), Interpreter.Source.LAYOUT);
        MarkerMessage marker = new MarkerMessage(Path.of("/usr/lib/python3.11/EXTERNALLY-MANAGED"),
                "To install Python packages system-wide, try apt install\npython3-xyz.", "Error", null);
        return new Situation(PIP, interpreter, Situation.Verdict.MANAGED, marker, "the marker is there");
    }

    private static Plan plan(String scenario) {
        List<String> argv = switch (scenario) {
            case "app", "pipx-missing" -> List.of("install", "hello-app");
            case "upgrade-installed-app" -> List.of("install", "--upgrade", "hello-app");
            default -> List.of("install", "requests>=2");
        };
        BlockedCommand blocked = BlockedCommand.of(new PipArgvParser(PipOptionTable.get()).parse(argv));
        Map<String, AppKind> kinds = switch (scenario) {
            case "app", "upgrade-installed-app", "pipx-missing" -> Map.of("hello-app",
                    new AppKind(AppKind.Kind.APPLICATION, List.of("hello-app"), "Debian packages it as hello-app"));
            case "library-with-commands" -> Map.of("requests", new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS,
                    List.of("normalizer"), "its commands are not named after it"));
            default -> Map.of("requests", new AppKind(AppKind.Kind.LIBRARY, List.of(), "no commands"));
        };
        VenvChoice venv = scenario.equals("project") || scenario.equals("devcontainer")
                ? new VenvChoice(Path.of("/home/u/proj/.venv"), "~/proj/.venv", "the project at ~/proj (pyproject.toml)")
                : new VenvChoice(Path.of("/home/u/.local/share/safepip/venv"), "~/.local/share/safepip/venv",
                        "no project here");
        String sudo = scenario.equals("sudo") ? "safepip runs under sudo: the venv would belong to root, not to u; "
                + "run safepip without sudo" : null;
        Set<String> installed = scenario.equals("upgrade-installed-app") ? Set.of("hello-app") : Set.of();
        boolean noPipx = scenario.equals("pipx-missing");
        Facts facts = new Facts(blocked, PIP, PYTHON, venv, sudo, noPipx ? null : Path.of("/usr/bin/pipx"),
                noPipx ? Path.of("/usr/bin/apt-get") : null, null, List.of(),
                kinds, null, "/home/u/.local/pipx", "/home/u/.local/bin", installed, !scenario.equals("no-ensurepip"),
                scenario.equals("container") || scenario.equals("devcontainer"),
                Path.of("/home/u/.local/share/safepip/pipx"), false, false, scenario.equals("devcontainer")
                ? new DevContainer("REMOTE_CONTAINERS=true", Path.of("/home/u/proj/.devcontainer/devcontainer.json"),
                        null, new DevContainer.PythonFeature("ghcr.io/devcontainers/features/python:1",
                                Map.of("version", "os-provided")), true) : null);
        List<Route> routes = WaysOut.all(facts);
        return new Plan(situation(), blocked, facts, routes, Recommender.recommend(routes, false), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"library", "app", "project", "sudo", "no-ensurepip", "upgrade-installed-app",
        "pipx-missing", "container", "library-with-commands", "devcontainer"})
    void theReportThePlanAndTheMenuAsTheUserReadsThem(String scenario) throws IOException {
        Plan plan = plan(scenario);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Map.of());
        BlockedReport report = new BlockedReport(console);
        report.explain(plan);
        report.planned(plan.recommended() == null ? null : plan.recommended().route(),
                plan.recommended() == null ? "nothing works" : "recommended: " + plan.recommended().reason());
        console.say("--- the menu, answered: x, then Enter");
        Route chosen = new Menu(console, new BufferedReader(new StringReader("x\n\n"))).ask("How should safepip "
                + "install " + String.join(" ", plan.blocked().line().positionals()) + "?", plan.routes(),
                plan.recommended());
        console.say("--- chosen: " + (chosen == null ? "nothing" : chosen.kind().word()));
        String actual = bytes.toString(StandardCharsets.UTF_8);
        // Rewritten only when it differs (update mode); otherwise a failure shows the diff.
        GoldenFile.at(GOLDEN, scenario).check(actual);
    }
}
