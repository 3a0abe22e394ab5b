package dev.safepip.route;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.ShellQuote;
import dev.safepip.core.World;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.UninstallPlan;
import dev.safepip.plan.UninstallStep;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.python.Interpreter;
import dev.safepip.ui.Console;
import dev.safepip.ui.UninstallReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs an {@link UninstallPlan} as it was decided (or, for --plan, prints it): each step's command exactly as the
 * plan holds it, after the consent the step needs, with the venv's program checked again right before it runs —
 * a check that stops the run, never a choice of another argument. Each removal is recorded.
 */
public final class UninstallExecutor {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final LedgerWriter ledger;
    private final Path stateDir;
    private final boolean assumeYes;

    public UninstallExecutor(World world, Console console, PipRunner runner, LedgerWriter ledger, Path stateDir,
                             boolean assumeYes) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.ledger = ledger;
        this.stateDir = stateDir;
        this.assumeYes = assumeYes;
    }

    /**
     * @param dryRun only say what would be run (--plan)
     * @return the exit code, or -1 when the ledger knows none of the packages (the caller explains)
     */
    public int run(UninstallPlan plan, boolean dryRun) throws IOException {
        UninstallReport report = new UninstallReport(console);
        report.others(plan);
        for (UninstallPlan.Unknown found : plan.unknown()) {
            UnknownPackage.explain(console, found);
        }
        if (plan.skippedLines() != null) {
            console.say(plan.skippedLines());
        }
        if (plan.steps().isEmpty()) {
            return -1;
        }
        int exit = 0;
        boolean planned = false;
        for (UninstallStep step : plan.steps()) {
            if (!step.runs()) {
                report.skipped(step);
                exit = Math.max(exit, 1);
            } else if (dryRun) {
                boolean refused = step.consent() == UninstallStep.Consent.TERMINAL
                        && (assumeYes || !world.tty().in());
                report.planned(step, refused, assumeYes);
                planned = true;
                exit = Math.max(exit, refused ? ExitCodes.UNAVAILABLE : 0);
            } else {
                exit = Math.max(exit, remove(plan, step, report));
            }
        }
        if (planned) {
            report.nothingRun();
        }
        return plan.unknown().isEmpty() ? exit : Math.max(exit, 1);
    }

    /** One step: its consent, then its command; returns the exit code. */
    private int remove(UninstallPlan plan, UninstallStep step, UninstallReport report) throws IOException {
        report.removing(step);
        if (step.consent() != UninstallStep.Consent.NONE && !new AptConsent(world, console, assumeYes)
                .allows(step.alsoRemoves(), step.command(), true)) {
            console.say("safepip: not removed; to remove it yourself:");
            console.command(ShellQuote.line(step.command()));
            return 1;
        }
        int result;
        if (step.kind() == RouteKind.VENV) {
            Path venv = Path.of(step.location());
            // The same lock the venv route takes, so an install into this venv and this uninstall take turns; and
            // the venv's program checked again right before it runs, as the venv route does.
            try (StateLock lock = StateLock.acquire(stateDir, venv, new Consumer<String>() {
                @Override
                public void accept(String message) {
                    console.say("safepip: " + message);
                }
            })) {
                if (lock == null) {
                    return ChildSignals.exitStatus();
                }
                VenvTrust.ofThisProcess().requireRunnable(venv, Path.of(step.command().get(0)), step.location());
                console.say("safepip: running " + ShellQuote.line(step.command()));
                result = runner.run(step.command(), lock);
            }
        } else {
            console.say("safepip: running " + ShellQuote.line(step.command()));
            result = runner.run(step.command());
        }
        Interpreter interpreter = plan.plan().situation().interpreter();
        ledger.write(false, step.names(), step.requirements(), step.kind(), step.location(),
                interpreter == null ? "" : interpreter.path().toString(), step.command(), result);
        return result;
    }
}
