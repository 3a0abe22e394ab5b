package dev.safepip.rescue;

import dev.safepip.core.ShellQuote;
import dev.safepip.plan.RouteKind;
import dev.safepip.ui.Console;
import java.util.List;

/** Shows a planned {@link Move}: where to, its exact commands, what is checked, and the removal after. */
final class MoveReport {
    private final Console console;

    MoveReport(Console console) {
        this.console = console;
    }

    void show(Move move) {
        Stray stray = move.stray();
        console.say("safepip: " + stray.name() + " " + stray.version() + " (" + (stray.kind() == Stray.Kind.APPLICATION
                ? "an application" : "a library") + ") from " + stray.site() + " to " + (move.route() == RouteKind.PIPX
                ? "pipx (" + move.location() + ")" : "the venv " + move.location())
                + (move.blocker() == null ? ":" : ": not possible, " + move.blocker()));
        if (move.blocker() != null) {
            return;
        }
        if (move.wheel() == null) {
            console.say("safepip: " + stray.name() + "'s installed files cannot be moved as they are ("
                    + move.files().fallback() + "); " + stray.requirement() + " is installed again from the index.");
        } else {
            console.say("    a wheel made of its installed files (nothing downloaded): " + move.wheel());
        }
        for (List<String> command : move.install()) {
            console.command(ShellQuote.line(command));
        }
        console.say("    then, once the new copy works" + (move.route() == RouteKind.VENV
                ? " (it imports " + String.join(", ", stray.modules()) + ")" : " (its commands are there)") + ":");
        console.command(ShellQuote.line(move.remove()));
    }
}
