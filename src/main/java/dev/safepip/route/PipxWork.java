package dev.safepip.route;

import dev.safepip.core.SafepipException;
import dev.safepip.core.ShellQuote;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One pipx command that creates or changes an application's environment (install, upgrade), run in safepip's turn
 * at the pipx home: first an environment an interrupted safepip run left half-made is repaired (`pipx uninstall`,
 * or removing the folder that run made when pipx cannot), one that is half-made and not provably safepip's stops the
 * run; then the environment is noted, pipx runs, and the note goes once pipx has left the environment absent or
 * whole. The caller checks the result and records it, still in the turn.
 */
public final class PipxWork {
    private final Console console;
    private final PipRunner runner;
    private final PipxLeftovers leftovers;

    public PipxWork(Console console, PipRunner runner, Path stateDir) {
        this.console = console;
        this.runner = runner;
        this.leftovers = new PipxLeftovers(stateDir);
    }

    /**
     * @param pipx           the pipx to run
     * @param venv           pipx's environment of the application
     * @param normalizedName the application's project
     * @param command        what to run
     * @param afresh         what to run instead when the environment had to be removed (an upgrade of an
     *                       application that is no longer there is an install)
     * @return pipx's exit code (128+N when a signal stopped it)
     */
    public int run(PipxTurn turn, String pipx, Path venv, String normalizedName, List<String> command,
                   List<String> afresh) throws IOException {
        List<String> argv = repair(turn, pipx, venv, normalizedName) ? afresh : command;
        if (ChildSignals.interrupted()) {
            return ChildSignals.exitStatus();
        }
        leftovers.starting(venv, normalizedName);
        console.say("safepip: running " + ShellQuote.line(argv));
        int exit = runner.run(argv, turn);
        // pipx removes what it made when it fails; one killed, or whose pip outlived it, leaves it half-made, and
        // the note stays for the next run.
        if (PipxAppState.of(venv, normalizedName).kind() != PipxAppState.Kind.HALF_MADE) {
            leftovers.forget(venv);
        }
        return exit;
    }

    /** Repairs what an interrupted run left; true when the environment was removed. */
    private boolean repair(PipxTurn turn, String pipx, Path venv, String normalizedName) throws IOException {
        PipxLeftovers.Leftover leftover = leftovers.check(venv, normalizedName, turn.quietSince());
        if (leftover instanceof PipxLeftovers.NotOurs not) {
            throw SafepipException.unavailable("pipx's environment of " + normalizedName + " (" + venv + ") is "
                    + "half-made (" + not.why() + "), and safepip keeps it: " + not.because(), "check it, then run `"
                    + ShellQuote.line(List.of(pipx, "uninstall", normalizedName)) + "` and install again");
        }
        if (!(leftover instanceof PipxLeftovers.Ours ours)) {
            return false;
        }
        List<String> uninstall = List.of(pipx, "uninstall", normalizedName);
        console.say("safepip: pipx's environment of " + normalizedName + " was left half-made by an interrupted "
                + "safepip run (" + ours.why() + "); removing it (" + ShellQuote.line(uninstall)
                + ") and installing again.");
        int exit = runner.run(uninstall, turn);
        if (ChildSignals.interrupted()) {
            return true;
        }
        if (PipxAppState.of(venv, normalizedName).kind() == PipxAppState.Kind.ABSENT) {
            leftovers.forget(venv);
            return true;
        }
        // pipx cannot read an environment whose metadata was cut short: the folder goes, if that run made it.
        if (leftovers.removeFolder(ours.note())) {
            console.say("safepip: pipx could not remove it (exit " + exit + "); removed " + venv + ", which that "
                    + "run had made.");
            return true;
        }
        throw SafepipException.unavailable("pipx could not remove its half-made environment of " + normalizedName
                + " (" + venv + ", exit " + exit + ")", "remove that folder, then install again");
    }
}
