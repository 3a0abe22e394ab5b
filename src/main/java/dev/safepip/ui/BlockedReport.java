package dev.safepip.ui;

import dev.safepip.core.ShellQuote;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.VenvRoute;
import dev.safepip.pip.Situation;
import dev.safepip.python.Interpreter;
import java.util.ArrayList;
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

    /** The whole explanation of a blocked command: what happened, every way out, and in a container its lines. */
    public void explain(Plan plan) {
        print(plan.situation(), plan.blocked().isInstall() ? "install" : "uninstall", plan.routes(),
                plan.pipAlreadySaid());
        if (plan.blocked().isInstall() && plan.facts().devContainer() != null) {
            // A dev container is a container too, but its Dockerfile is not where its Python is chosen.
            devContainer(plan, plan.recommended() == null ? "a venv of the project's own (python3 -m venv .venv)"
                    : "the recommended way above, " + plan.recommended().route().title() + " ("
                    + plan.recommended().route().where() + ")");
        } else if (plan.blocked().isInstall() && plan.facts().container()) {
            VenvRoute venv = (VenvRoute) plan.route(RouteKind.VENV);
            List<String> install = new ArrayList<>(List.of("/opt/venv/bin/pip"));
            install.addAll(venv.blocked().argsForVenv());
            console.say("This is a container. In its Dockerfile, use a venv:");
            console.command("RUN python3 -m venv /opt/venv && " + ShellQuote.line(install));
            console.command("ENV PATH=\"/opt/venv/bin:$PATH\"");
        }
    }

    /**
     * The dev container block: what this is and why, the way for now, and the lines that fix it for good.
     *
     * @param forNow the way to take today, as the caller can name it
     */
    public void devContainer(Plan plan, String forNow) {
        Interpreter interpreter = plan.situation().interpreter();
        DevContainerAdvice advice = DevContainerAdvice.of(plan.facts().devContainer(),
                interpreter == null ? null : interpreter.version());
        console.say(advice.situation());
        if (advice.problem() != null) {
            console.say(advice.problem());
        }
        console.say("For now: " + forNow + ".");
        console.say("For good: " + advice.forGood() + ":");
        for (String line : advice.fileLines()) {
            console.command(line);
        }
    }

    /**
     * What --plan prints after the explanation: the way a run with the same options would take and its exact
     * commands, or that it would do nothing.
     *
     * @param chosen the route the run would take, or null
     * @param why    how it was chosen
     */
    public void planned(Route chosen, String why) {
        if (chosen == null) {
            console.say("safepip plan: do nothing and exit 1 (" + why + ").");
        } else if (!chosen.available()) {
            console.say("safepip plan: " + chosen.title() + " (" + why + "), which cannot work here: "
                    + chosen.unavailable() + "; a run would stop with exit code 69.");
        } else {
            console.say("safepip plan: " + chosen.title() + " (" + why + "):");
            if (!chosen.question().isEmpty()) {
                console.command(ShellQuote.line(chosen.question()));
            }
            for (List<String> command : chosen.commands()) {
                console.command(ShellQuote.line(command));
            }
            if (!chosen.question().isEmpty()) {
                console.say("(" + chosen.question().get(0) + " " + chosen.question().get(1) + " only asks what would "
                        + "happen; a run stops there if the answer removes packages you did not name.)");
            }
        }
        console.say("Nothing was run.");
    }

    public static String describe(Situation situation) {
        if (situation.interpreter() == null) {
            return "the Python behind " + situation.pip().display();
        }
        String version = situation.interpreter().version();
        return "this Python (" + situation.interpreter().path() + (version == null ? "" : ", " + version) + ")";
    }
}
