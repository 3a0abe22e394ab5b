package dev.safepip;

import dev.safepip.config.Settings;
import dev.safepip.config.Via;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Facts;
import dev.safepip.plan.PipxRoute;
import dev.safepip.plan.Recommendation;
import dev.safepip.plan.Recommender;
import dev.safepip.plan.Route;
import dev.safepip.plan.VenvRoute;
import dev.safepip.plan.WaysOut;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.python.Interpreter;
import dev.safepip.python.Situation;
import dev.safepip.route.CommandLinks;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path stateDir = world.xdg("XDG_STATE_HOME", ".local/state").resolve("safepip");
        Via via = settings.via().value();
        boolean plan = settings.plan().value();
        boolean choosing = plan || via == Via.PIPX || settings.inject() != null
                || via == Via.ASK && (settings.yes().value() || world.tty().in());
        FactsGatherer gatherer = new FactsGatherer(world, console, path, pip);
        Facts facts = gatherer.gather(situation, blocked, settings, choosing);
        List<Route> routes = WaysOut.all(facts);
        BlockedReport report = new BlockedReport(console);
        try {
            if (!blocked.isInstall()) {
                int done = new LedgerUninstall(world, console, runner, stateDir, settings.yes().value())
                        .run(blocked, interpreter, plan);
                if (done >= 0) {
                    refreshCommandLinks();
                    return done;
                }
                report.print(situation, "uninstall", routes, pipAlreadySaid);
                return plan ? 0 : ExitCodes.BLOCKED;
            }
            Recommendation recommended = Recommender.recommend(routes, settings.preferSystem());
            if (plan) {
                return printPlan(situation, routes, recommended, settings);
            }
            Route chosen = choose(situation, blocked, routes, recommended, settings, pipAlreadySaid);
            if (chosen == null) {
                return ExitCodes.BLOCKED;
            }
            if (chosen instanceof VenvRoute venvRoute) {
                int exit = new VenvInstaller(world, console, runner, pip, stateDir)
                        .install(venvRoute, interpreter == null ? null : interpreter.version());
                refreshCommandLinks();
                return exit;
            }
            String location = chosen instanceof PipxRoute ? gatherer.pipxHome() : chosen.key().equals("apt")
                    ? "system" : interpreter == null ? facts.python().toString() : interpreter.prefix().toString();
            int exit = new CommandRouteRunner(world, console, runner, stateDir).run(chosen, blocked, location,
                    facts.python().toString());
            if (exit == 0 && chosen instanceof PipxRoute pipxRoute) {
                sayWhereCommandsAre(pipxRoute);
            }
            return exit;
        } catch (IOException e) {
            throw SafepipException.unavailable("could not complete the install: " + e.getMessage(),
                    "run it again; safepip repairs what an interrupted run left");
        }
    }

    private Route choose(Situation situation, BlockedCommand blocked, List<Route> routes,
                         Recommendation recommended, Settings settings, boolean pipAlreadySaid) throws IOException {
        Via via = settings.via().value();
        if (via == Via.FAIL) {
            explain(situation, routes, pipAlreadySaid);
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
            explain(situation, routes, pipAlreadySaid);
            console.say("safepip: no terminal to ask on: choose a way with --via=venv|pipx|apt, or take the "
                    + "recommended one with --yes.");
            return null;
        }
        console.headline("safepip: " + BlockedReport.describe(situation) + " is externally managed (PEP 668); pip "
                + "may not install into it.");
        BufferedReader in = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8));
        List<String> named = blocked.line().positionals();
        Route chosen = new Menu(console, in).ask("How should safepip install "
                + (named.isEmpty() ? "these packages" : String.join(" ", named)) + "?", routes, recommended);
        if (chosen == null) {
            console.say("safepip: nothing done.");
        }
        return chosen;
    }

    private void explain(Situation situation, List<Route> routes, boolean pipAlreadySaid) {
        new BlockedReport(console).print(situation, "install", routes, pipAlreadySaid);
        if (Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"))) {
            VenvRoute venv = (VenvRoute) byKey(routes, "venv");
            List<String> install = new ArrayList<>(List.of("/opt/venv/bin/pip"));
            install.addAll(venv.blocked().argsForVenv());
            console.say("This is a container. In its Dockerfile, use a venv:");
            console.command("RUN python3 -m venv /opt/venv && " + ShellQuote.line(install));
            console.command("ENV PATH=\"/opt/venv/bin:$PATH\"");
        }
    }

    private int printPlan(Situation situation, List<Route> routes, Recommendation recommended, Settings settings) {
        explain(situation, routes, false);
        Via via = settings.via().value();
        Route chosen = via == Via.ASK || via == Via.FAIL ? (recommended == null ? null : recommended.route())
                : byKey(routes, via.word());
        if (chosen == null || via == Via.FAIL) {
            console.say("safepip plan: do nothing and exit 1 (" + settings.via().source() + ").");
            return 0;
        }
        String why = via == Via.ASK ? "recommended: " + recommended.reason()
                + (settings.yes().value() ? "" : "; on a terminal safepip would ask first")
                : settings.via().source();
        console.say("safepip plan: " + chosen.title() + " (" + why + "):");
        if (!chosen.available()) {
            console.say("  but it cannot work here: " + chosen.unavailable());
        }
        for (List<String> command : chosen.commands()) {
            console.command(ShellQuote.line(command));
        }
        console.say("Nothing was run.");
        return 0;
    }

    /** After pipx: where the commands are, and whether the shell will find them. */
    private void sayWhereCommandsAre(PipxRoute route) {
        List<String> scripts = new ArrayList<>();
        for (AppKind kind : route.kinds().values()) {
            scripts.addAll(kind.scripts());
        }
        String bin = route.binDir();
        console.say("safepip: " + (scripts.isEmpty() ? "the commands are" : String.join(", ", scripts)
                + (scripts.size() == 1 ? " is" : " are")) + " in " + bin + ".");
        String pathValue = world.getenv("PATH");
        boolean onPath = pathValue != null && List.of(pathValue.split(":")).contains(bin);
        if (!onPath) {
            console.say("safepip: " + bin + " is not on your PATH: run `pipx ensurepath`, then open a new shell.");
        }
    }

    private static Route byKey(List<Route> routes, String key) {
        for (Route route : routes) {
            if (route.key().equals(key)) {
                return route;
            }
        }
        throw new IllegalStateException("no route " + key);
    }

    /** The default venv's commands, where `safepip init --path` shows them: current after every venv change. */
    private void refreshCommandLinks() {
        CommandLinks links = CommandLinks.of(world);
        try {
            links.refresh();
        } catch (IOException e) {
            console.say("safepip: note: could not update the command links in " + links.folder() + " ("
                    + e.getMessage() + ")");
        }
    }
}
