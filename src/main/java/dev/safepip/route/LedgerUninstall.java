package dev.safepip.route;

import dev.safepip.core.World;
import dev.safepip.core.SafepipPaths;
import dev.safepip.ledger.Holdings;
import dev.safepip.ledger.Ledger;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Plan;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.RouteKind;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.PipRunner;
import dev.safepip.python.DistInfo;
import dev.safepip.python.Interpreter;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            explainUnknown(name, interpreter);
        }
        if (byPlace.isEmpty()) {
            return -1;
        }
        int exit = 0;
        for (Map.Entry<Holdings.Holding, List<String>> entry : byPlace.entrySet()) {
            Holdings.Holding place = entry.getKey();
            List<String> command = commandFor(plan, place, entry.getValue());
            console.say("safepip: " + String.join(", ", entry.getValue()) + " was installed by safepip ("
                    + place.route() + ", " + place.location() + "); removing it from there.");
            if (dryRun) {
                console.command(ShellQuote.line(command));
                continue;
            }
            if (place.route().equals(RouteKind.SYSTEM.word()) && !consents(command)) {
                console.say("safepip: not removed; to remove it yourself:");
                console.command(ShellQuote.line(command));
                exit = Math.max(exit, 1);
                continue;
            }
            console.say("safepip: running " + ShellQuote.line(command));
            int result = runner.run(command);
            List<String> removed = entry.getValue().stream().map(t -> Requirement.parse(t).normalizedName()).toList();
            ledger.write(false, removed, entry.getValue(), RouteKind.of(place.route()), place.location(),
                    interpreter == null ? "" : interpreter.path().toString(), command, result);
            exit = Math.max(exit, result);
        }
        return unknown.isEmpty() ? exit : Math.max(exit, 1);
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

    private static List<String> commandFor(Plan plan, Holdings.Holding place, List<String> requirements) {
        BlockedCommand blocked = plan.blocked();
        List<String> command = new ArrayList<>();
        switch (RouteKind.of(place.route())) {
            case VENV -> {
                Path venv = Path.of(place.location());
                if (Files.isExecutable(venv.resolve("bin/pip"))) {
                    command.add(venv.resolve("bin/pip").toString());
                } else {
                    // A venv made without pip (no ensurepip): the system pip works on it through --python.
                    command.addAll(plan.facts().pip().argv(List.of()));
                    command.add("--python");
                    command.add(venv.resolve("bin/python").toString());
                }
                command.addAll(argsFor(blocked, requirements));
            }
            case PIPX -> {
                command.add(place.command().isEmpty() ? "pipx" : place.command().get(0));
                command.add("uninstall");
                command.add(Requirement.parse(requirements.get(0)).name());
            }
            default -> {
                // The install command, turned round: `sudo apt-get install -y python3-x` → `… remove -y …`.
                for (String word : place.command()) {
                    command.add(word.equals("install") ? "remove" : word);
                }
            }
        }
        return command;
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

    private void explainUnknown(String name, Interpreter interpreter) {
        Path distInfo = interpreter == null ? null
                : DistInfo.find(DistInfo.systemSiteDirs(interpreter.prefix(), interpreter.version()), name);
        String owner = distInfo == null ? null : debianOwner(distInfo);
        // Debian's egg-info folders carry no INSTALLER file: dpkg's answer is what counts.
        if (distInfo != null && (owner != null || "debian".equals(DistInfo.installer(distInfo)))) {
            console.say("safepip: " + name + " was installed by Debian" + (owner == null ? "" : ", in its package "
                    + owner) + "; remove it with apt:");
            console.command("sudo apt-get remove " + (owner == null ? "python3-" + name : owner));
            return;
        }
        console.say("safepip: safepip has no record of installing " + name + (distInfo == null ? ""
                : " (it is in " + distInfo.getParent() + ")") + "; pip may not remove it from this Python.");
    }

    /** The Debian package that owns a file, asked of dpkg; null when dpkg does not know. */
    private String debianOwner(Path distInfo) {
        try {
            CapturedCommand.Result result = CapturedCommand.run(List.of("dpkg", "-S", distInfo.toRealPath().toString()),
                    world.env(), world.cwd(), Duration.ofSeconds(10));
            if (result.ok() && result.stdout().contains(":")) {
                return result.stdout().lines().findFirst().orElse("").split(":")[0].strip();
            }
        } catch (IOException e) {
            // No dpkg here: say the likely name instead.
        }
        return null;
    }
}
