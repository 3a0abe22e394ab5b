package dev.safepip.route;

import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipPaths;
import dev.safepip.core.World;
import dev.safepip.ledger.Holdings;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerProblem;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Plan;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.UninstallPlan;
import dev.safepip.plan.UninstallStep;
import dev.safepip.system.Apt;
import dev.safepip.system.AptSimulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a blocked uninstall once ({@link UninstallPlan}): for each package, the place the ledger says safepip put
 * it (a venv, pipx, the system), whether that place still is what the record says ({@link RecordedPlace}), and the
 * exact command that removes it there — for apt after asking `apt-get -s remove`, which changes nothing. Nothing is
 * removed here; {@link UninstallExecutor} runs the plan.
 */
public final class UninstallPlanner {
    private final World world;
    private final Path stateDir;

    public UninstallPlanner(World world, Path stateDir) {
        this.world = world;
        this.stateDir = stateDir;
    }

    public UninstallPlan plan(Plan plan) throws IOException {
        BlockedCommand blocked = plan.blocked();
        // Loops, not streams: a blocked uninstall runs this, and a first lambda costs milliseconds in a cold JVM.
        List<String> names = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            names.add(requirement.normalizedName());
        }
        Ledger ledger = new Ledger(stateDir);
        List<Holdings.Holding> holdings = Holdings.of(ledger, names);
        Map<Holdings.Holding, List<String>> byPlace = new LinkedHashMap<>();
        List<UninstallPlan.OtherCopy> others = new ArrayList<>();
        List<UninstallPlan.Unknown> unknown = new ArrayList<>();
        UnknownPackage lookUp = new UnknownPackage(world);
        for (Requirement requirement : blocked.named()) {
            List<Holdings.Holding> copies = new ArrayList<>();
            for (Holdings.Holding held : holdings) {
                if (held.name().equals(requirement.normalizedName())) {
                    copies.add(held);
                }
            }
            Holdings.Holding holding = pick(copies, plan);
            if (holding == null) {
                unknown.add(lookUp.find(requirement.normalizedName(), plan.situation().interpreter()));
                continue;
            }
            for (Holdings.Holding other : copies) {
                if (other != holding) {
                    others.add(new UninstallPlan.OtherCopy(requirement.name(), other.route(), other.location()));
                }
            }
            Holdings.Holding place = samePlace(byPlace, holding);
            List<String> texts = byPlace.get(place);
            if (texts == null) {
                texts = new ArrayList<>();
                byPlace.put(place, texts);
            }
            texts.add(requirement.text());
        }
        List<UninstallStep> steps = new ArrayList<>();
        if (!byPlace.isEmpty()) {
            RecordedPlace places = new RecordedPlace(plan, Ownership.ofThisProcess(), pipxEnvironment(byPlace, plan));
            for (Map.Entry<Holdings.Holding, List<String>> entry : byPlace.entrySet()) {
                steps.add(step(plan, places, entry.getKey(), entry.getValue()));
            }
        }
        return new UninstallPlan(plan, others, unknown, steps,
                unknown.isEmpty() || ledger.skipped() == 0 ? null : LedgerProblem.skipped(ledger));
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

    /** The requirements recorded at one place: the place checked, then the command that removes them there. */
    private UninstallStep step(Plan plan, RecordedPlace places, Holdings.Holding place, List<String> requirements) {
        List<String> names = new ArrayList<>();
        for (String text : requirements) {
            names.add(Requirement.parse(text).normalizedName());
        }
        String route = place.route();
        String location = place.location();
        RouteKind kind = RouteKind.of(route);
        if (kind == RouteKind.VENV) {
            String why = places.venvProblem(place);
            return why != null ? UninstallStep.skipped(route, location, requirements, names, why)
                    : new UninstallStep(route, location, requirements, names, null,
                    places.venvCommand(place, argsFor(plan.blocked(), requirements)), List.of(), List.of(), List.of());
        }
        if (kind == RouteKind.PIPX) {
            String why = places.pipxProblem(place);
            return why != null ? UninstallStep.skipped(route, location, requirements, names, why)
                    : new UninstallStep(route, location, requirements, names, null,
                    places.pipxCommand(Requirement.parse(requirements.get(0)).name()), List.of(), List.of(),
                    List.of());
        }
        if (kind != RouteKind.SYSTEM) {
            return UninstallStep.skipped(route, location, requirements, names,
                    "safepip removes nothing it installed with --break-system-packages");
        }
        List<String> debian = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String found = places.systemPackage(new Holdings.Holding(name, route, location, place.time(),
                    place.interpreter(), List.of()), problems);
            if (found != null && !debian.contains(found)) {
                debian.add(found);
            }
        }
        if (!problems.isEmpty()) {
            return UninstallStep.skipped(route, location, requirements, names, String.join("; ", problems));
        }
        List<String> command = plan.facts().manager().removeCommand(debian, plan.facts().root());
        if (!(plan.facts().manager() instanceof Apt apt)) {
            return new UninstallStep(route, location, requirements, names, null, command, List.of(), debian,
                    List.of());
        }
        // Asked now, for --plan as for a run: apt says whether the package is installed, and what else would go.
        AptSimulation simulation;
        try {
            simulation = apt.simulate("remove", debian);
        } catch (IOException e) {
            return UninstallStep.skipped(route, location, requirements, names, "apt cannot say what removing "
                    + String.join(" ", debian) + " would do: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>(debian);
        missing.removeAll(simulation.removed());
        if (!missing.isEmpty()) {
            return UninstallStep.skipped(route, location, requirements, names, "Debian's "
                    + String.join(", ", missing) + " is not installed");
        }
        return new UninstallStep(route, location, requirements, names, null, command,
                apt.simulateCommand("remove", debian), debian, simulation.removedBeyond(debian));
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
}
