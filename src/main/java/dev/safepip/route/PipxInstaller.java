package dev.safepip.route;

import dev.safepip.core.World;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.Plan;
import dev.safepip.plan.PipxRoute;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.DistInfo;
import dev.safepip.system.VersionCheck;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import dev.safepip.plan.RequirementFiles;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipx route: installs pipx first when it is missing (with consent, as the plan shows), runs one pipx command
 * per application in safepip's turn at pipx's home (concurrent runs take turns; one an earlier run left running is
 * waited for; an environment it left half-made is repaired first), then checks what pipx did — the environment is
 * whole, the version asked for is the version in it, its commands are there — and only then records it, with the
 * check's verdict: pipx's exit code alone is not enough, `pipx install` of any non-empty folder exits 0 and changes
 * nothing.
 */
public final class PipxInstaller implements RouteExecutor {
    private final World world;
    private final Console console;
    private final CommandRouteRunner commands;
    private final PipRunner runner;
    private final LedgerWriter ledger;
    private final Path stateDir;

    public PipxInstaller(World world, Console console, CommandRouteRunner commands, PipRunner runner,
                         LedgerWriter ledger, Path stateDir) {
        this.world = world;
        this.console = console;
        this.commands = commands;
        this.runner = runner;
        this.ledger = ledger;
        this.stateDir = stateDir;
    }

    @Override
    public int run(Route chosen, Plan plan) throws IOException {
        PipxRoute route = (PipxRoute) chosen;
        // From "/": the bootstrap's `python -m venv` would otherwise import a venv.py from the working folder. Its
        // arguments are absolute paths and names, so nothing else changes.
        int exit = new CommandRouteRunner(world, console, runner.in(Path.of("/")), ledger)
                .runAll(route.bootstrap(), RouteKind.PIPX, plan, "", false);
        if (exit != 0) {
            return exit;
        }
        PipxEnvironment pipx = route.bootstrap().isEmpty() ? new PipxEnvironment(Path.of(plan.facts().pipxHome()),
                Path.of(plan.facts().pipxBinDir())) : PipxEnvironment.of(Path.of(route.pipx()), world.ownEnv(),
                world.ownHome(), false);
        List<List<String>> own = route.commands().subList(route.bootstrap().size(), route.commands().size());
        ChildSignals.install();
        try (PipxTurn turn = PipxTurn.take(stateDir, pipx.home(), message -> console.say("safepip: " + message))) {
            if (turn == null || ChildSignals.interrupted()) {
                console.say("safepip: interrupted; nothing was changed.");
                return ChildSignals.exitStatus();
            }
            for (int i = 0; i < own.size() && exit == 0; i++) {
                exit = runOne(turn, route, plan, pipx, own.get(i), i);
                if (ChildSignals.interrupted()) {
                    return exit != 0 ? exit : ChildSignals.exitStatus();
                }
            }
        }
        if (exit == 0 && plan.blocked().isInstall() && route.inject() == null) {
            sayWhereCommandsAre(route, plan, pipx);
        }
        return exit;
    }

    /** Runs the i-th pipx command, checks what it did, and records it with the check's verdict. */
    private int runOne(PipxTurn turn, PipxRoute route, Plan plan, PipxEnvironment pipx, List<String> command, int i)
            throws IOException {
        boolean install = plan.blocked().isInstall();
        int exit;
        if (install && route.inject() == null) {
            Requirement requirement = plan.blocked().named().get(i);
            String name = requirement.normalizedName();
            exit = new PipxWork(console, runner, stateDir).run(turn, route.pipx(), pipx.venv(name), name, command,
                    route.afresh(requirement));
            if (exit == 0 && !ChildSignals.interrupted()) {
                exit = check(route, requirement, pipx, plan.facts().python());
            }
        } else {
            console.say("safepip: running " + ShellQuote.line(command));
            exit = runner.run(command, turn);
            if (exit == 0 && install && !ChildSignals.interrupted()) {
                for (Requirement requirement : plan.blocked().named()) {
                    exit = Math.max(exit, check(route, requirement, pipx, plan.facts().python()));
                }
            }
        }
        // Recorded only now: a run killed before this line leaves no record, and one whose check failed records
        // that failure, never pipx's 0.
        ledger.write(install, packagesOf(command, plan), plan.blocked().line().positionals(), RouteKind.PIPX,
                pipx.home().toString(), plan.facts().python().toString(), command, exit);
        return exit;
    }

    /** One pipx call concerns one package: the ledger names that one. */
    private List<String> packagesOf(List<String> command, Plan plan) {
        String name = Requirement.parse(command.get(command.size() - 1)).normalizedName();
        return name == null ? RequirementFiles.packageNames(plan.blocked(), world.cwd()) : List.of(name);
    }

    /**
     * 1 when the application's environment is not whole (pipx's metadata, the package), when it is at a version
     * the user did not ask for, or when its commands are not in pipx's folder; else 0.
     */
    private int check(PipxRoute route, Requirement requirement, PipxEnvironment pipx, Path python) {
        String name = requirement.normalizedName();
        Path venv = pipx.venv(route.inject() != null ? DistInfo.normalize(route.inject()) : name);
        Path distInfo = DistInfo.find(DistInfo.venvSiteDirs(venv), name);
        PipxAppState state = route.inject() != null ? null : PipxAppState.of(venv, name);
        if (distInfo == null || (state != null && !state.whole())) {
            console.say("safepip: pipx said it was done, but " + requirement.name() + " is not " + (distInfo == null
                    ? "in " + venv : "whole in " + venv + " (" + state.why() + ")") + "; it was not installed.");
            return 1;
        }
        String version = DistInfo.version(distInfo);
        if (!requirement.specifier().isEmpty() && version != null && Boolean.FALSE.equals(VersionCheck.satisfies(
                python, world.env(), version,
                requirement.specifier()))) {
            console.say("safepip: pipx left " + requirement.name() + " at " + version + ", which is not "
                    + requirement.text() + "; the install did not do what was asked.");
            return 1;
        }
        AppKind kind = route.inject() != null ? null : route.kinds().get(name);
        for (String script : kind == null ? List.<String>of() : kind.scripts()) {
            if (!Files.exists(pipx.bin().resolve(script))) {
                console.say("safepip: pipx installed " + requirement.name() + ", but its command " + script
                        + " is not in " + pipx.bin() + "; run `pipx reinstall " + name + "`.");
                return 1;
            }
        }
        return 0;
    }

    /** After pipx: where the commands are, and whether the shell will find them. */
    private void sayWhereCommandsAre(PipxRoute route, Plan plan, PipxEnvironment pipx) {
        List<String> scripts = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        for (Requirement requirement : plan.blocked().named()) {
            apps.add(requirement.normalizedName());
            AppKind kind = route.kinds().get(requirement.normalizedName());
            if (kind != null) {
                scripts.addAll(kind.scripts());
            }
        }
        console.say("safepip: " + (scripts.isEmpty() ? "the commands are" : String.join(", ", scripts)
                + (scripts.size() == 1 ? " is" : " are")) + " in " + pipx.bin() + ".");
        new CommandReach(world, console, stateDir, plan.facts().assumeYes()).afterPipx(pipx, apps);
    }
}
