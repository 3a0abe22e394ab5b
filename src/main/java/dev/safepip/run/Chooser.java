package dev.safepip.run;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.config.Settings;
import dev.safepip.config.Via;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.ui.BlockedReport;
import dev.safepip.ui.Console;
import dev.safepip.ui.Menu;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Chooses the way out of a plan: named by --via (or its variable or config line), the recommended one with --yes,
 * asked on a terminal, or none (without a terminal, or with --via=fail), saying which and why. --plan asks it what
 * a run would take, without asking the user.
 */
final class Chooser {
    /** How the choice is made. */
    enum Mode {
        /** --via=fail: explain and exit 1, as pip. */
        FAIL,
        /** --via=venv|pipx|apt|break, from an option, the environment or the config file. */
        OPTION,
        /** --yes: the recommended way. */
        YES,
        /** A terminal: the menu. */
        MENU,
        /** No terminal and nothing said: explain and exit 1. */
        NONE
    }

    private final World world;
    private final Console console;

    Chooser(World world, Console console) {
        this.world = world;
        this.console = console;
    }

    static Mode mode(Settings settings, boolean terminal) {
        Via via = settings.via().value();
        if (via == Via.FAIL) {
            return Mode.FAIL;
        }
        if (via != Via.ASK) {
            return Mode.OPTION;
        }
        if (settings.yes().value()) {
            return Mode.YES;
        }
        return terminal ? Mode.MENU : Mode.NONE;
    }

    /** The route --via names, or null for ask and fail. */
    static RouteKind named(Settings settings) {
        return switch (settings.via().value()) {
            case VENV -> RouteKind.VENV;
            case PIPX -> RouteKind.PIPX;
            case APT -> RouteKind.SYSTEM;
            case BREAK -> RouteKind.BREAK;
            case ASK, FAIL -> null;
        };
    }

    /**
     * What a run would take, without asking anyone: the route named, or the recommended one (the menu's default;
     * without a terminal, what --yes would take). Null: nothing.
     */
    Route preview(Plan plan, Settings settings, Mode mode) {
        return switch (mode) {
            case OPTION -> plan.route(named(settings));
            case YES, MENU, NONE -> plan.recommended() == null ? null : plan.recommended().route();
            case FAIL -> null;
        };
    }

    /** The route to take, or null when the user is to be told the ways out and nothing is done. */
    Route choose(Plan plan, Settings settings, Mode mode) throws IOException {
        String where = BlockedReport.describe(plan.situation());
        switch (mode) {
            case FAIL -> {
                new BlockedReport(console).explain(plan);
                return null;
            }
            case OPTION -> {
                Route route = plan.route(named(settings));
                if (!route.available()) {
                    throw SafepipException.unavailable("the " + route.kind().word() + " route cannot work here: "
                            + route.unavailable(), "choose another with --via, or see them all with --plan");
                }
                console.say("safepip: " + where + " is externally managed; redoing the install " + route.title()
                        + " (" + settings.via().source() + ").");
                return route;
            }
            case YES -> {
                if (plan.recommended() == null) {
                    new BlockedReport(console).explain(plan);
                    console.say("safepip: no safe way out works here; nothing done.");
                    return null;
                }
                console.say("safepip: " + where + " is externally managed; redoing the install "
                        + plan.recommended().route().title() + " (recommended: " + plan.recommended().reason() + "; "
                        + settings.yes().source() + ").");
                return plan.recommended().route();
            }
            case MENU -> {
                if (plan.recommended() == null) {
                    new BlockedReport(console).explain(plan);
                    return null;
                }
                return ask(plan, where);
            }
            default -> {
                new BlockedReport(console).explain(plan);
                console.say("safepip: no terminal to ask on: choose a way with --via=venv|pipx|apt, or take the "
                        + "recommended one with --yes.");
                return null;
            }
        }
    }

    private Route ask(Plan plan, String where) throws IOException {
        console.headline("safepip: " + where + " is externally managed (PEP 668); pip may not install into it.");
        if (plan.facts().devContainer() != null) {
            new BlockedReport(console).devContainer(plan, "the recommended choice below");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8));
        List<String> named = plan.blocked().line().positionals();
        Route chosen = new Menu(console, in).ask("How should safepip install "
                + (named.isEmpty() ? "these packages" : String.join(" ", named)) + "?", plan.routes(),
                plan.recommended());
        if (chosen == null) {
            console.say("safepip: nothing done.");
        }
        return chosen;
    }
}
