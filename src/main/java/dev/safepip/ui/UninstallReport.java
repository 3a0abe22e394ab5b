package dev.safepip.ui;

import dev.safepip.core.ShellQuote;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.UninstallPlan;
import dev.safepip.plan.UninstallStep;

/**
 * Says an uninstall's plan: the copies that stay, each record that is skipped and why, and for --plan each step's
 * exact command under a "safepip plan: …:" heading, the lines a run then says it runs.
 */
public final class UninstallReport {
    private final Console console;

    public UninstallReport(Console console) {
        this.console = console;
    }

    /** The copies recorded in other places, which this uninstall leaves. */
    public void others(UninstallPlan plan) {
        for (UninstallPlan.OtherCopy other : plan.others()) {
            console.say("safepip: " + other.requirement() + " is also recorded in " + other.location() + " ("
                    + other.route() + "); that copy stays.");
        }
    }

    /** A record that fails its check: said in one line, and never acted on. */
    public void skipped(UninstallStep step) {
        console.say("safepip: the ledger says " + step.what() + " was installed " + (step.kind() == RouteKind.SYSTEM
                ? "with " + step.route() : "in " + step.location() + " (" + step.route() + ")")
                + ", but " + step.problem() + "; record skipped, nothing removed.");
    }

    /** Before a step runs. */
    public void removing(UninstallStep step) {
        console.say("safepip: " + step.what() + " was installed by safepip (" + step.route() + ", " + step.location()
                + "); removing it from there.");
    }

    /**
     * --plan: one step that would run, with its exact command and the consent it needs.
     *
     * @param refused   a run would stop before the command (exit 69): apt removes more, and there is no terminal
     *                  or --yes was given
     * @param assumeYes --yes was given: it is the yes a system package's removal needs
     */
    public void planned(UninstallStep step, boolean refused, boolean assumeYes) {
        console.say("safepip plan: remove " + step.what() + (step.kind() == RouteKind.SYSTEM
                ? " with " + step.route() : " from " + step.location() + " (" + step.route() + ")")
                + ", where safepip installed it:");
        console.command(ShellQuote.line(step.command()));
        if (!step.checkedWith().isEmpty()) {
            console.say("(asked first: " + ShellQuote.line(step.checkedWith()) + ", which changes nothing.)");
        }
        switch (step.consent()) {
            case YES -> {
                if (!assumeYes) {
                    console.say("(a run asks first: removing system packages needs --yes or a yes on a terminal.)");
                }
            }
            case TERMINAL -> console.say("safepip: apt would also remove " + String.join(" ", step.alsoRemoves())
                    + "; a run asks on a terminal, and stops with exit code 69 without one or with --yes"
                    + (refused ? " (as this one would)." : "."));
            default -> {
            }
        }
    }

    public void nothingRun() {
        console.say("Nothing was run.");
    }
}
