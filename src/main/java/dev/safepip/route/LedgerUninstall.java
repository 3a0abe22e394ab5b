package dev.safepip.route;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.Ownership;
import dev.safepip.core.World;
import dev.safepip.core.SafepipPaths;
import dev.safepip.ledger.Holdings;
import dev.safepip.ledger.Ledger;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Plan;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.RouteKind;
import dev.safepip.process.PipRunner;
import dev.safepip.python.Interpreter;
import dev.safepip.system.Apt;
import dev.safepip.system.AptSimulation;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uninstall PEP 668 blocked: removes each package from where the ledger says safepip put it (a venv's pip,
 * `pipx uninstall`, or — only with consent — the system package manager); for a package Debian installed, names
 * the apt package that owns it; otherwise explains.
 */
public final class LedgerUninstall {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final LedgerWriter ledger;
    private final Path stateDir;
    private final boolean assumeYes;

    public LedgerUninstall(World world, Console console, PipRunner runner, LedgerWriter ledger, Path stateDir,
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
     * @return the exit code, or -1 when nothing was found to do (the caller explains)
     */
    public int run(Plan plan, boolean dryRun) throws IOException {
        BlockedCommand blocked = plan.blocked();
        Interpreter interpreter = plan.situation().interpreter();
        // Loops, not streams: a blocked uninstall runs this, and a first lambda costs milliseconds in a cold JVM.
        List<String> names = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            names.add(requirement.normalizedName());
        }
        List<Holdings.Holding> holdings = Holdings.of(new Ledger(stateDir), names);
        Map<Holdings.Holding, List<String>> byPlace = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            List<Holdings.Holding> copies = new ArrayList<>();
            for (Holdings.Holding held : holdings) {
                if (held.name().equals(requirement.normalizedName())) {
                    copies.add(held);
                }
            }
            Holdings.Holding holding = pick(copies, plan);
            for (Holdings.Holding other : copies) {
                if (other != holding) {
                    console.say("safepip: " + requirement.name() + " is also recorded in " + other.location() + " ("
                            + other.route() + ")" + (holding == null ? "" : "; that copy stays") + ".");
                }
            }
            if (holding == null) {
                unknown.add(requirement.normalizedName());
                continue;
            }
            Holdings.Holding place = samePlace(byPlace, holding);
            List<String> texts = byPlace.get(place);
            if (texts == null) {
                texts = new ArrayList<>();
                byPlace.put(place, texts);
            }
            texts.add(requirement.text());
        }
        for (String name : unknown) {
            new UnknownPackage(world, console).explain(name, interpreter);
        }
        if (byPlace.isEmpty()) {
            return -1;
        }
        RecordedPlace places = new RecordedPlace(plan, Ownership.ofThisProcess(), pipxEnvironment(byPlace, plan));
        int exit = 0;
        for (Map.Entry<Holdings.Holding, List<String>> entry : byPlace.entrySet()) {
            exit = Math.max(exit, remove(plan, places, entry.getKey(), entry.getValue(), dryRun));
        }
        return unknown.isEmpty() ? exit : Math.max(exit, 1);
    }

    /** pipx's folders as pipx says today, asked only when a pipx record is to be acted on. */
    private PipxEnvironment pipxEnvironment(Map<Holdings.Holding, List<String>> byPlace, Plan plan) {
        for (Holdings.Holding place : byPlace.keySet()) {
            if (RouteKind.of(place.route()) == RouteKind.PIPX) {
                return plan.facts().pipx() == null ? null : PipxEnvironment.of(plan.facts().pipx(), world.env(),
                        world.home(), plan.facts().aptGet() != null);
            }
        }
        return null;
    }

    /** Removes the requirements recorded at one place, after checking the place; returns the exit code. */
    private int remove(Plan plan, RecordedPlace places, Holdings.Holding place, List<String> requirements,
                       boolean dryRun) throws IOException {
        Interpreter interpreter = plan.situation().interpreter();
        List<String> names = new ArrayList<>();
        for (String text : requirements) {
            names.add(Requirement.parse(text).normalizedName());
        }
        String what = String.join(", ", requirements);
        List<String> command;
        List<String> debian = new ArrayList<>();
        switch (RouteKind.of(place.route())) {
            case VENV -> {
                String why = places.venvProblem(place);
                if (why != null) {
                    return skipped(what, place, why);
                }
                command = places.venvCommand(place, argsFor(plan.blocked(), requirements));
            }
            case PIPX -> {
                String why = places.pipxProblem(place);
                if (why != null) {
                    return skipped(what, place, why);
                }
                command = places.pipxCommand(Requirement.parse(requirements.get(0)).name());
            }
            case SYSTEM -> {
                List<String> problems = new ArrayList<>();
                for (String name : names) {
                    String found = places.systemPackage(new Holdings.Holding(name, place.route(), place.location(),
                            place.time(), place.interpreter(), List.of()), problems);
                    if (found != null && !debian.contains(found)) {
                        debian.add(found);
                    }
                }
                if (!problems.isEmpty()) {
                    return skipped(what, place, String.join("; ", problems));
                }
                command = plan.facts().manager().removeCommand(debian, plan.facts().root());
            }
            default -> {
                return skipped(what, place, "safepip removes nothing it installed with --break-system-packages");
            }
        }
        AptSimulation simulation = null;
        if (plan.facts().manager() instanceof Apt apt && RecordedPlace.isSystem(place)) {
            try {
                simulation = apt.simulate("remove", debian);
            } catch (IOException e) {
                return skipped(what, place, "apt cannot say what removing " + String.join(" ", debian)
                        + " would do: " + e.getMessage());
            }
            List<String> missing = new ArrayList<>(debian);
            missing.removeAll(simulation.removed());
            if (!missing.isEmpty()) {
                return skipped(what, place, "Debian's " + String.join(", ", missing) + " is not installed");
            }
        }
        console.say("safepip: " + what + " was installed by safepip (" + place.route() + ", " + place.location()
                + "); removing it from there.");
        if (dryRun) {
            console.command(ShellQuote.line(command));
            if (simulation != null && !simulation.removedBeyond(debian).isEmpty()) {
                console.say("safepip: apt would also remove " + String.join(" ", simulation.removedBeyond(debian))
                        + "; a run asks on a terminal, and stops with exit code 69 without one or with --yes.");
                return assumeYes || !world.tty().in() ? ExitCodes.UNAVAILABLE : 0;
            }
            return 0;
        }
        if (RecordedPlace.isSystem(place)) {
            boolean yes = simulation != null
                    ? new AptConsent(world, console, assumeYes).allows(simulation, debian, command, true)
                    : consents(command);
            if (!yes) {
                console.say("safepip: not removed; to remove it yourself:");
                console.command(ShellQuote.line(command));
                return 1;
            }
        }
        int result;
        if (RouteKind.of(place.route()) == RouteKind.VENV) {
            Path venv = Path.of(place.location());
            // The same lock the venv route takes, so an install into this venv and this uninstall take turns; and
            // the venv's program checked again right before it runs, as the venv route does.
            try (StateLock lock = StateLock.acquire(stateDir, venv, new java.util.function.Consumer<String>() {
                @Override
                public void accept(String message) {
                    console.say("safepip: " + message);
                }
            })) {
                if (lock == null) {
                    return dev.safepip.process.ChildSignals.exitStatus();
                }
                VenvTrust.ofThisProcess().requireRunnable(venv, Path.of(command.get(0)), place.location());
                console.say("safepip: running " + ShellQuote.line(command));
                result = runner.run(command, lock);
            }
        } else {
            console.say("safepip: running " + ShellQuote.line(command));
            result = runner.run(command);
        }
        ledger.write(false, names, requirements, RouteKind.of(place.route()), place.location(),
                interpreter == null ? "" : interpreter.path().toString(), command, result);
        return result;
    }

    /** A record that fails its check: said in one line, and never acted on. */
    private int skipped(String what, Holdings.Holding place, String why) {
        console.say("safepip: the ledger says " + what + " was installed " + (RecordedPlace.isSystem(place)
                ? "with " + place.route() : "in " + place.location() + " (" + place.route() + ")")
                + ", but " + why + "; record skipped, nothing removed.");
        return 1;
    }

    /**
     * The copy this uninstall means: the one in the venv an install from this folder would use, else the one in the
     * default venv, else the latest recorded anywhere (a --venv of its own, pipx, the system).
     */
    private Holdings.Holding pick(List<Holdings.Holding> copies, Plan plan) {
        List<String> preferred = List.of(plan.facts().venv().dir().toAbsolutePath().normalize().toString(),
                new SafepipPaths(world).defaultVenv().toAbsolutePath().normalize().toString());
        for (String venv : preferred) {
            for (Holdings.Holding copy : copies) {
                if (copy.route().equals(RouteKind.VENV.word()) && copy.location().equals(venv)) {
                    return copy;
                }
            }
        }
        return copies.isEmpty() ? null : copies.get(copies.size() - 1);
    }

    private static Holdings.Holding samePlace(Map<Holdings.Holding, List<String>> places, Holdings.Holding holding) {
        for (Holdings.Holding place : places.keySet()) {
            if (place.route().equals(holding.route()) && place.location().equals(holding.location())
                    && RouteKind.of(holding.route()) != RouteKind.PIPX) {
                return place;
            }
        }
        return holding;
    }

    /** The same uninstall arguments, with only these requirements. */
    private static List<String> argsFor(BlockedCommand blocked, List<String> requirements) {
        List<String> args = new ArrayList<>();
        List<String> others = new ArrayList<>(blocked.line().positionals());
        others.removeAll(requirements);
        for (String arg : blocked.argsForVenv()) {
            if (!others.contains(arg)) {
                args.add(arg);
            }
        }
        return args;
    }

    /** Removing system packages needs an explicit yes: --yes, or an answer on the terminal. */
    private boolean consents(List<String> command) throws IOException {
        if (assumeYes) {
            return true;
        }
        if (!world.tty().in()) {
            return false;
        }
        console.prompt("Run " + ShellQuote.line(command) + "? [y/N] ");
        String answer = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
