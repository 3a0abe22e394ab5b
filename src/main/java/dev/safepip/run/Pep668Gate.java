package dev.safepip.run;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;

import dev.safepip.config.Settings;
import dev.safepip.config.SettingsResolver;
import dev.safepip.cli.Invocation;
import dev.safepip.pip.Exposure;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipOverrides;
import dev.safepip.pip.RefusalScanner;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.pip.Situation;
import dev.safepip.pip.SituationDetector;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.IOException;

/**
 * An install or uninstall that PEP 668 may block: decided before pip runs when safepip can tell, else from pip's
 * own refusal; then explained with every way out.
 */
final class Pep668Gate {
    private final World world;
    private final Console console;
    private final SearchPath path;
    private final PipExecutable pip;
    private final PipRunner runner;
    /** pip's exit code for "Could not find an activated virtualenv (required)". */
    private static final int VIRTUALENV_NOT_FOUND = 3;

    Pep668Gate(World world, Console console, SearchPath path, PipExecutable pip, PipRunner runner) {
        this.world = world;
        this.console = console;
        this.path = path;
        this.pip = pip;
        this.runner = runner;
    }

    int run(Invocation invocation, PipCommandLine line, Exposure exposure) {
        Settings settings = new SettingsResolver(world).resolve(invocation.options());
        boolean plan = settings.plan().value();
        if (exposure == Exposure.NONE) {
            printPassThroughPlan(line, "pip's PEP 668 check does not concern this command");
            return 0;
        }
        // With --python, pip re-runs under that interpreter: the pip safepip found says nothing about it.
        Situation situation = line.has("--python")
                ? new Situation(pip, null, Situation.Verdict.UNKNOWN, null, "--python names another interpreter")
                : detect();
        if (situation.verdict() == Situation.Verdict.NOT_MANAGED) {
            if (plan) {
                printPassThroughPlan(line, situation.reason());
                return 0;
            }
            return PassThrough.run(runner, pip, line);
        }
        String override = situation.interpreter() == null ? null
                : new PipOverrides(world.env(), world.home()).find(line.command(), situation.interpreter().prefix());
        if (situation.verdict() == Situation.Verdict.MANAGED && exposure == Exposure.CHECKED && override == null) {
            return blocked(situation, line, settings, false);
        }
        if (plan) {
            printPassThroughPlan(line, "only pip can tell whether PEP 668 blocks this ("
                    + (override != null ? override : situation.reason()) + "); safepip would watch its answer");
            return 0;
        }
        RefusalScanner scanner = new RefusalScanner();
        int exit;
        try {
            exit = runner.runWatchingStderr(pip.argv(line.argv()), scanner);
        } catch (IOException e) {
            throw SafepipException.unavailable("cannot start " + pip.display() + ": " + e.getMessage(),
                    "check that it exists and is executable, or set SAFEPIP_PIP");
        }
        if (exit == ExitCodes.BLOCKED && scanner.seen()) {
            return blocked(situation, line, settings, true);
        }
        if (exit == VIRTUALENV_NOT_FOUND && situation.verdict() == Situation.Verdict.MANAGED
                && exposure == Exposure.CHECKED && settings.via().value() == dev.safepip.config.Via.VENV) {
            // PIP_REQUIRE_VIRTUALENV (or require-virtualenv in pip.conf) made pip refuse before its PEP 668 check,
            // which would have blocked this managed Python anyway; --via=venv asks for exactly what pip wants.
            return blocked(situation, line, settings, true);
        }
        return exit;
    }

    private Situation detect() {
        if ("0".equals(world.getenv("SAFEPIP_PRECHECK"))) {
            return new Situation(pip, null, Situation.Verdict.UNKNOWN, null, "SAFEPIP_PRECHECK=0");
        }
        return SituationDetector.of(world, path).detect(pip);
    }

    private int blocked(Situation situation, PipCommandLine line, Settings settings, boolean pipAlreadySaid) {
        return new BlockedInstall(world, console, path, pip, runner).handle(situation, line, settings,
                pipAlreadySaid);
    }

    private void printPassThroughPlan(PipCommandLine line, String why) {
        console.say("safepip: not blocked: " + why + ".");
        console.say("It would run:");
        console.command(ShellQuote.line(pip.argv(line.argv())));
    }
}
