package dev.safepip.ui;

import dev.safepip.plan.Route;
import dev.safepip.python.Situation;
import java.util.List;

/** Tells the user that PEP 668 blocked pip, what the distributor says, and every way out with its commands. */
public final class BlockedReport {
    private final Console console;

    public BlockedReport(Console console) {
        this.console = console;
    }

    /**
     * @param pipAlreadySaid true when pip printed its refusal (and the marker's text) itself
     */
    public void print(Situation situation, String action, List<Route> routes, boolean pipAlreadySaid) {
        console.headline("safepip: " + describe(situation) + " is externally managed (PEP 668): pip may not "
                + action + " packages in it.");
        if (!pipAlreadySaid && situation.marker() != null) {
            console.say("Its distributor says:");
            console.quote(situation.marker().text());
        }
        console.say("Ways out:");
        int number = 0;
        for (Route route : routes) {
            number++;
            if (!route.available()) {
                console.say("  " + number + ") " + route.title() + ": not possible here: " + route.unavailable());
                continue;
            }
            String line = "  " + number + ") " + route.title() + " — " + route.where();
            if (route.dangerous()) {
                console.danger(line + " (DANGEROUS)");
            } else {
                console.say(line);
            }
            for (List<String> command : route.commands()) {
                console.command(ShellQuote.line(command));
            }
        }
    }

    public static String describe(Situation situation) {
        if (situation.interpreter() == null) {
            return "the Python behind " + situation.pip().display();
        }
        String version = situation.interpreter().version();
        return "this Python (" + situation.interpreter().path() + (version == null ? "" : ", " + version) + ")";
    }
}
