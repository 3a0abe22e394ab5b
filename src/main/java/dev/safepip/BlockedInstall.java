package dev.safepip;

import dev.safepip.config.Settings;
import dev.safepip.config.Via;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Recommendation;
import dev.safepip.plan.Recommender;
import dev.safepip.plan.Route;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvChooser;
import dev.safepip.plan.VenvRoute;
import dev.safepip.plan.WaysOut;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.python.Interpreter;
import dev.safepip.python.Situation;
import dev.safepip.route.CommandRouteRunner;
import dev.safepip.route.LedgerUninstall;
import dev.safepip.route.VenvInstaller;
import dev.safepip.ui.BlockedReport;
import dev.safepip.ui.Console;
import dev.safepip.ui.Menu;
import dev.safepip.ui.ShellQuote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What happens once PEP 668 has blocked a pip command: the ways out are listed, one is chosen (by --via, --yes,
 * the menu on a terminal, or none without one) and carried out.
 */
final class BlockedInstall {
    private final World world;
    private final Console console;
    private final SearchPath path;
    private final PipExecutable pip;
    private final PipRunner runner;

    BlockedInstall(World world, Console console, SearchPath path, PipExecutable pip, PipRunner runner) {
        this.world = world;
        this.console = console;
        this.path = path;
        this.pip = pip;
        this.runner = runner;
    }

    int handle(Situation situation, PipCommandLine line, Settings settings, boolean pipAlreadySaid) {
        BlockedCommand blocked = BlockedCommand.of(line);
        Interpreter interpreter = situation.interpreter();
        Path python = interpreter != null ? interpreter.path()
                : pip.python() != null ? pip.python() : Path.of("python3");
        Path stateDir = world.xdg("XDG_STATE_HOME", ".local/state").resolve("safepip");
        Path defaultVenv = world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip").resolve("venv");
        VenvChoice venv = new VenvChooser(world.home(), defaultVenv).choose(settings.venv(), world.cwd());
        Path pipx = path.find("pipx");
        Path aptGet = path.find("apt-get");
        List<Route> routes = WaysOut.all(blocked, pip, python, venv, pipx == null ? null : pipx.toString(),
                aptGet == null ? null : aptGet.toString(), "root".equals(System.getProperty("user.name")));
        BlockedReport report = new BlockedReport(console);
        boolean plan = settings.plan().value();
        try {
            if (!blocked.isInstall()) {
                int done = new LedgerUninstall(world, console, runner, stateDir).run(blocked, interpreter, plan);
                if (done >= 0) {
                    return done;
                }
                report.print(situation, "uninstall", routes, pipAlreadySaid);
                return plan ? 0 : ExitCodes.BLOCKED;
            }
            Recommendation recommended = Recommender.recommend(routes);
            if (plan) {
                return printPlan(situation, routes, recommended, settings);
            }
            Route chosen = choose(situation, routes, recommended, settings, pipAlreadySaid);
            if (chosen == null) {
                return ExitCodes.BLOCKED;
            }
            if (chosen instanceof VenvRoute venvRoute) {
                return new VenvInstaller(world, console, runner, pip, stateDir)
                        .install(venvRoute, interpreter == null ? null : interpreter.version());
            }
            String location = chosen.key().equals("pipx") ? pipxHome() : chosen.key().equals("apt") ? "system"
                    : interpreter == null ? python.toString() : interpreter.prefix().toString();
            return new CommandRouteRunner(world, console, runner, stateDir).run(chosen, blocked, location,
                    python.toString());
        } catch (IOException e) {
            throw SafepipException.unavailable("could not complete the install: " + e.getMessage(),
                    "run it again; safepip repairs what an interrupted run left");
        }
    }

    private Route choose(Situation situation, List<Route> routes, Recommendation recommended, Settings settings,
                         boolean pipAlreadySaid) throws IOException {
        Via via = settings.via().value();
        if (via == Via.FAIL) {
            new BlockedReport(console).print(situation, "install", routes, pipAlreadySaid);
            return null;
        }
        if (via != Via.ASK) {
            Route route = byKey(routes, via.word());
            if (route.unavailable() != null) {
                throw SafepipException.unavailable("the " + via.word() + " route cannot work here: "
                        + route.unavailable(), "choose another with --via, or see them all with --plan");
            }
            console.say("safepip: " + BlockedReport.describe(situation) + " is externally managed; redoing the "
                    + "install " + route.title() + " (" + settings.via().source() + ").");
            return route;
        }
        if (settings.yes().value() && recommended != null) {
            console.say("safepip: " + BlockedReport.describe(situation) + " is externally managed; redoing the "
                    + "install " + recommended.route().title() + " (recommended: " + recommended.reason() + "; "
                    + settings.yes().source() + ").");
            return recommended.route();
        }
        if (!world.tty().in() || recommended == null) {
            new BlockedReport(console).print(situation, "install", routes, pipAlreadySaid);
            console.say("safepip: no terminal to ask on: choose a way with --via=venv|pipx|apt, or take the "
                    + "recommended one with --yes.");
            return null;
        }
        console.headline("safepip: " + BlockedReport.describe(situation) + " is externally managed (PEP 668); pip "
                + "may not install into it.");
        BufferedReader in = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8));
        Route chosen = new Menu(console, in).ask("How should safepip install " + what(situation, routes) + "?",
                routes, recommended);
        if (chosen == null) {
            console.say("safepip: nothing done.");
        }
        return chosen;
    }

    private static String what(Situation situation, List<Route> routes) {
        for (Route route : routes) {
            if (route instanceof VenvRoute venv) {
                List<String> positionals = venv.blocked().line().positionals();
                if (!positionals.isEmpty()) {
                    return String.join(" ", positionals);
                }
            }
        }
        return "these packages";
    }

    private int printPlan(Situation situation, List<Route> routes, Recommendation recommended, Settings settings) {
        new BlockedReport(console).print(situation, "install", routes, false);
        Via via = settings.via().value();
        Route chosen = via == Via.ASK || via == Via.FAIL ? (recommended == null ? null : recommended.route())
                : byKey(routes, via.word());
        if (chosen == null || via == Via.FAIL) {
            console.say("safepip plan: do nothing and exit 1 (" + settings.via().source() + ": via = fail).");
            return 0;
        }
        String why = via == Via.ASK ? "recommended: " + recommended.reason()
                + (settings.yes().value() ? "" : "; on a terminal safepip would ask first")
                : settings.via().source();
        console.say("safepip plan: " + chosen.title() + " (" + why + "):");
        for (List<String> command : chosen.commands()) {
            console.command(ShellQuote.line(command));
        }
        console.say("Nothing was run.");
        return 0;
    }

    private static Route byKey(List<Route> routes, String key) {
        for (Route route : routes) {
            if (route.key().equals(key)) {
                return route;
            }
        }
        throw new IllegalStateException("no route " + key);
    }

    private String pipxHome() {
        String home = world.getenv("PIPX_HOME");
        return home != null ? home : world.home().resolve(".local/share/pipx").toString();
    }
}
