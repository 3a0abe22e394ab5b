package dev.safepip.rescue;

import dev.safepip.core.World;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.ProjectName;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.system.MarkerIntegrity;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of `safepip rescue`: look (the listing, always), choose (names, --yes, or the menu on a terminal),
 * agree (the exact commands first), move; or `--undo`. Exit 0 when all that was asked was done (or only looked),
 * 1 when something was declined, not found or failed half-way.
 */
public final class Rescue {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final PipExecutable pip;
    private final SearchPath path;
    private final Places places;
    private final boolean root;
    private final BufferedReader in;

    public Rescue(World world, Console console, PipRunner runner, PipExecutable pip, SearchPath path, Places places,
                  boolean root, BufferedReader in) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.pip = pip;
        this.path = path;
        this.places = places;
        this.root = root;
        this.in = in;
    }

    /** @param marker the interpreter's marker path, or null when not known */
    public int run(Path interpreter, Path marker, List<String> names, boolean yes, boolean plan) throws IOException {
        SystemPython python = SystemPython.probe(interpreter, world.env(), world.cwd());
        reportMarker(marker != null ? marker : python.prefix().resolve("lib/python" + python.version()
                + "/EXTERNALLY-MANAGED"));
        StrayFinder.Found found = new StrayFinder(world.env(), world.cwd(), path.find("dpkg")).find(python);
        List<Stray> strays = found.strays();
        RescueReport.print(world.out(), python, strays, Shadows.of(strays, found, path.find("apt-cache"),
                world.env(), interpreter), strays.isEmpty() ? Map.of() : PipCheck.run(interpreter, world.env()));
        List<Stray> chosen = new ArrayList<>();
        boolean missing = false;
        if (!names.isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>();
            names.forEach(n -> wanted.add(ProjectName.normalize(n)));
            for (String name : wanted) {
                Stray stray = strays.stream().filter(s -> s.normalized().equals(name)).findFirst().orElse(null);
                if (stray == null) {
                    console.say("safepip: " + name + " is not among the packages listed; nothing to move.");
                    missing = true;
                } else {
                    chosen.add(stray);
                }
            }
        } else if (yes || plan) {
            chosen.addAll(strays);
        } else if (world.tty().in() && !strays.isEmpty()) {
            chosen.addAll(menu(strays));
        } else {
            if (!strays.isEmpty()) {
                console.say("safepip: nothing was changed. `safepip rescue --plan` shows the commands, "
                        + "`safepip rescue --yes` (or `safepip rescue NAME…`) moves them.");
            }
            return 0;
        }
        if (chosen.isEmpty()) {
            return missing ? 1 : 0;
        }
        // Every move planned and shown before anything runs; the run carries out exactly these.
        MovePlanner planner = new MovePlanner(world, python, pip, places, root);
        MoveReport report = new MoveReport(console);
        List<Move> moves = new ArrayList<>();
        for (Stray stray : chosen) {
            Move move = planner.plan(stray);
            report.show(move);
            if (move.blocker() == null) {
                moves.add(move);
            } else {
                missing = true;
            }
        }
        if (plan) {
            console.say("safepip plan: nothing was run.");
            return 0;
        }
        if (moves.isEmpty()) {
            return 1;
        }
        if (!yes && !agreed("Run these commands (the old copies are removed with --break-system-packages"
                + (moves.stream().anyMatch(Move::sudo) ? ", under sudo" : "")
                + ")? [y/N] ")) {
            console.say("safepip: nothing was changed" + (world.tty().in() ? "." : "; without a terminal, "
                    + "`safepip rescue --yes` is the way to agree."));
            return 1;
        }
        Rescuer rescuer = new Rescuer(world, console, runner, python, places);
        boolean all = !missing;
        for (Move move : moves) {
            all &= rescuer.run(move);
        }
        return all ? 0 : 1;
    }

    public int undo(Path interpreter, String name, boolean yes, boolean plan) throws IOException {
        RescueRecords records = new RescueRecords(places.stateDir());
        RescueRecords.Entry entry = records.lastRescue(name);
        if (entry == null) {
            console.say("safepip: no record of rescuing " + name + " (the record is " + records.file() + ").");
            return 1;
        }
        RescueUndo undo = new RescueUndo(console, runner, pip, places.stateDir(), root, world.env(), places.wheels());
        RescueUndo.Plan commands = undo.plan(entry);
        console.say("safepip: putting " + entry.name() + " " + entry.version() + " back into " + entry.from()
                + " and removing its copy " + (commands.route() == RouteKind.PIPX ? "in pipx" : "in "
                + entry.location()) + ":");
        if (commands.fallback() != null) {
            console.say("safepip: " + entry.name() + " " + entry.version() + " comes from the index: "
                    + commands.fallback() + ".");
        }
        for (List<String> command : commands.commands()) {
            console.command(ShellQuote.line(command));
        }
        if (plan) {
            console.say("safepip plan: nothing was run.");
            return 0;
        }
        console.danger("safepip: this installs into the system Python with --break-system-packages again.");
        if (!yes && !agreed("Run these commands? [y/N] ")) {
            console.say("safepip: nothing was changed.");
            return 1;
        }
        return undo.run(commands);
    }

    private List<Stray> menu(List<Stray> strays) throws IOException {
        console.prompt("Move which? (numbers separated by spaces, a for all, Enter for none): ");
        String answer = in.readLine();
        List<Stray> chosen = new ArrayList<>();
        if (answer == null || answer.isBlank()) {
            return chosen;
        }
        if (answer.strip().equalsIgnoreCase("a")) {
            return strays;
        }
        for (String word : answer.strip().split("[\\s,]+")) {
            try {
                int n = Integer.parseInt(word);
                if (n >= 1 && n <= strays.size() && !chosen.contains(strays.get(n - 1))) {
                    chosen.add(strays.get(n - 1));
                }
            } catch (NumberFormatException e) {
                console.say("safepip: " + word + " is not a number in the list; left out.");
            }
        }
        return chosen;
    }

    /** An explicit yes on the terminal; no terminal is no. */
    private boolean agreed(String question) throws IOException {
        if (!world.tty().in()) {
            return false;
        }
        console.prompt(question);
        String answer = in.readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private void reportMarker(Path marker) {
        MarkerIntegrity.State state = new MarkerIntegrity(world.env(), world.cwd(), path.find("dpkg")).check(marker);
        if (state != null && state.damaged()) {
            console.danger("safepip: " + state.describe() + ". Restore it with:");
            console.command(state.restoreCommand());
            console.say("safepip: (safepip never edits the marker itself.)");
        }
    }
}
