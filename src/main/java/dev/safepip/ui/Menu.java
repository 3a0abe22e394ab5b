package dev.safepip.ui;

import dev.safepip.plan.Recommendation;
import dev.safepip.plan.Route;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * The interactive choice between the ways out: numbered routes with where each puts things, the recommended one
 * as the default, greyed routes that cannot work with the reason, and `q` to do nothing. An answer that is not a
 * choice is asked again; the end of input means "do nothing".
 */
public final class Menu {
    private final Console console;
    private final BufferedReader in;

    public Menu(Console console, BufferedReader in) {
        this.console = console;
        this.in = in;
    }

    /** The chosen route, or null for "do nothing"; with nothing recommended, the default is to do nothing. */
    public Route ask(String question, List<Route> routes, Recommendation recommended) throws IOException {
        console.say(question);
        int defaultChoice = 0;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            String number = (i + 1) + ")";
            if (!route.available()) {
                console.dim("  " + number + " " + route.title() + "   (not possible: " + route.unavailable() + ")");
                continue;
            }
            boolean isRecommended = recommended != null && route == recommended.route();
            String note = isRecommended ? "   (recommended: " + recommended.reason() + ")"
                    : route.dangerous() ? "   (dangerous)" : "";
            if (isRecommended) {
                defaultChoice = i + 1;
            }
            String line = "  " + number + " " + route.title() + ": " + route.where() + note;
            if (route.dangerous()) {
                console.danger(line);
            } else {
                console.say(line);
            }
        }
        console.say("  q) do nothing");
        while (true) {
            console.prompt("Choice [" + (defaultChoice == 0 ? "q" : Integer.toString(defaultChoice)) + "]: ");
            String answer = in.readLine();
            if (answer == null) {
                console.say("");
                return null;
            }
            answer = answer.strip();
            if (answer.isEmpty()) {
                return defaultChoice == 0 ? null : routes.get(defaultChoice - 1);
            }
            if (answer.equalsIgnoreCase("q") || answer.equalsIgnoreCase("quit")) {
                return null;
            }
            Route chosen = pick(answer, routes);
            if (chosen != null) {
                return chosen;
            }
            console.say("Please answer with the number of an available choice, or q.");
        }
    }

    private static Route pick(String answer, List<Route> routes) {
        try {
            int number = Integer.parseInt(answer);
            if (number >= 1 && number <= routes.size() && routes.get(number - 1).available()) {
                return routes.get(number - 1);
            }
        } catch (NumberFormatException e) {
            for (Route route : routes) {
                if (route.kind().word().equalsIgnoreCase(answer) && route.available()) {
                    return route;
                }
            }
        }
        return null;
    }
}
