package dev.safepip.run;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.config.Settings;
import dev.safepip.core.IoProblem;
import dev.safepip.core.SafepipPaths;
import dev.safepip.core.StateFiles;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.UninstallPlan;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.pip.Situation;
import dev.safepip.route.CommandLinks;
import dev.safepip.route.CommandRouteRunner;
import dev.safepip.route.LedgerWriter;
import dev.safepip.route.PipxEnvironment;
import dev.safepip.route.PipxInstaller;
import dev.safepip.route.RouteExecutor;
import dev.safepip.route.UninstallExecutor;
import dev.safepip.route.UninstallPlanner;
import dev.safepip.route.VenvInstaller;
import dev.safepip.ui.BlockedReport;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What happens once PEP 668 has blocked a pip command, one way through: the plan is built once, a way out is
 * chosen from it (or previewed, for --plan), and that way's executor runs exactly the commands the plan shows.
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
        boolean dryRun = settings.plan().value();
        if (blocked.isInstall() && blocked.requirements().isEmpty() && !blocked.hasUnnamedSources()) {
            // Nothing to install: pip's own answer (and exit code) is the right one, not a menu.
            if (dryRun) {
                console.say("safepip plan: no requirement given; pip would answer for itself.");
                return 0;
            }
            return pipAlreadySaid ? ExitCodes.BLOCKED : PassThrough.run(runner, pip, line);
        }
        Chooser.Mode mode = Chooser.mode(settings, world.tty().in());
        Looks looks = Looks.forChoice(mode, Chooser.named(settings), dryRun);
        Plan plan = new Planner(world, console, path, pip).plan(situation, blocked, settings, looks,
                pipAlreadySaid);
        Path stateDir = new SafepipPaths(world).state();
        LedgerWriter ledger = new LedgerWriter(stateDir, console);
        try {
            if (!dryRun) {
                // Before any route runs: a state folder others could write to is refused now, not after the install.
                new SafepipPaths(world).prepare(StateFiles.forThisProcess());
            }
            if (!blocked.isInstall()) {
                // Planned once, then previewed or run: the commands --plan shows are the ones a run runs.
                UninstallPlan uninstall = new UninstallPlanner(world, stateDir).plan(plan);
                int done = new UninstallExecutor(world, console, runner, ledger, stateDir, settings.yes().value())
                        .run(uninstall, dryRun);
                if (done >= 0) {
                    refreshCommandLinks();
                    return done;
                }
                new BlockedReport(console).explain(uninstall.forUnknownReport());
                return dryRun ? 0 : ExitCodes.BLOCKED;
            }
            Chooser chooser = new Chooser(world, console);
            if (dryRun) {
                return preview(plan, settings, mode, chooser);
            }
            Route chosen = chooser.choose(plan, settings, mode);
            if (chosen == null) {
                return ExitCodes.BLOCKED;
            }
            int exit = executor(chosen.kind(), ledger, stateDir, plan).run(chosen, plan);
            if (chosen.kind() == RouteKind.VENV) {
                refreshCommandLinks();
            }
            return exit;
        } catch (StateFiles.Refused e) {
            throw e.asError();
        } catch (IOException e) {
            throw SafepipException.unavailable("could not complete the " + (blocked.isInstall() ? "install"
                    : "uninstall") + ": " + IoProblem.describe(e), IoProblem.hint(e));
        }
    }

    /** --plan: the explanation, then what a run with the same options would do, and that run's exit code. */
    private int preview(Plan plan, Settings settings, Chooser.Mode mode, Chooser chooser) {
        BlockedReport report = new BlockedReport(console);
        report.explain(plan);
        Route chosen = chooser.preview(plan, settings, mode);
        String why = switch (mode) {
            case OPTION -> settings.via().source();
            case YES -> "recommended: " + plan.recommended().reason() + "; " + settings.yes().source();
            case MENU -> "recommended: " + plan.recommended().reason() + "; on a terminal safepip would ask first";
            case FAIL -> settings.via().source();
            case NONE -> plan.recommended() == null ? "no safe way works here"
                    : "recommended: " + plan.recommended().reason() + "; without a terminal a run only explains, "
                    + "unless given --yes";
        };
        report.planned(chosen, why);
        return chosen != null && !chosen.available() ? ExitCodes.UNAVAILABLE : 0;
    }

    /** The default venv's commands, where `safepip init --path` shows them: current after every venv change. */
    private void refreshCommandLinks() {
        CommandLinks links = CommandLinks.of(world);
        try {
            links.refresh();
        } catch (IOException e) {
            console.say("safepip: note: could not update the command links in " + links.folder() + " ("
                    + IoProblem.describe(e) + ")");
        }
    }

    private RouteExecutor executor(RouteKind kind, LedgerWriter ledger, Path stateDir, Plan plan) {
        CommandRouteRunner commands = new CommandRouteRunner(world, console, runner, ledger);
        return switch (kind) {
            case VENV -> new VenvInstaller(world, console, runner, ledger, stateDir);
            case PIPX -> {
                // pipx keeps its things where the plan says: root's own home under sudo -E, not the user's.
                PipRunner pipxRunner = runner.with(new PipxEnvironment(Path.of(plan.facts().pipxHome()),
                        Path.of(plan.facts().pipxBinDir())).childChanges(world));
                yield new PipxInstaller(world, console, new CommandRouteRunner(world, console, pipxRunner, ledger),
                        pipxRunner, ledger, stateDir);
            }
            case SYSTEM, BREAK -> commands;
        };
    }
}
