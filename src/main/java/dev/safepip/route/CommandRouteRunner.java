package dev.safepip.route;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.World;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Plan;
import dev.safepip.plan.RequirementFiles;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.SystemRoute;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.python.Interpreter;
import dev.safepip.system.Apt;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.IOException;
import java.util.List;

/**
 * Carries out a route that is a list of commands — the system package manager, --break-system-packages — and runs
 * commands for the pipx route: each is shown, then run on the user's terminal; the first failure stops the rest.
 * Each command is recorded. Before apt installs, apt-get -s says what else it would remove ({@link AptConsent}).
 */
public final class CommandRouteRunner implements RouteExecutor {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final LedgerWriter ledger;

    public CommandRouteRunner(World world, Console console, PipRunner runner, LedgerWriter ledger) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.ledger = ledger;
    }

    @Override
    public int run(Route route, Plan plan) throws IOException {
        if (route.dangerous()) {
            console.danger("safepip: WARNING: installing into the system Python with --break-system-packages. "
                    + "Packages it replaces or upgrades may break tools of your distribution that rely on them, "
                    + "and the distribution's own updates may later overwrite or break what pip installs.");
        }
        if (route instanceof SystemRoute system && system.manager() instanceof Apt apt
                && !route.commands().isEmpty()) {
            // apt runs with -y: what it would do beyond the packages named is asked first, and asked about once.
            String verb = plan.blocked().isInstall() ? "install" : "remove";
            console.say("safepip: running " + ShellQuote.line(route.question()));
            if (!new AptConsent(world, console, plan.facts().assumeYes()).allows(apt, verb, system.packageNames(),
                    route.commands().get(0), false)) {
                console.say("safepip: nothing done.");
                return ExitCodes.BLOCKED;
            }
        }
        Interpreter interpreter = plan.situation().interpreter();
        String location = route.kind() == RouteKind.SYSTEM ? "system"
                : interpreter != null ? interpreter.prefix().toString() : plan.facts().python().toString();
        return runAll(route.commands(), route.kind(), plan, location, true);
    }

    /**
     * Runs commands in turn until one fails or the user interrupts.
     *
     * @param record whether each goes into the ledger (pipx's own installation does not)
     */
    int runAll(List<List<String>> commands, RouteKind kind, Plan plan, String location, boolean record)
            throws IOException {
        ChildSignals.install();
        BlockedCommand blocked = plan.blocked();
        int exit = 0;
        for (List<String> command : commands) {
            console.say("safepip: running " + ShellQuote.line(command));
            exit = runner.run(command);
            if (record) {
                ledger.write(blocked.isInstall(), packagesOf(command, kind, blocked), blocked.line().positionals(),
                        kind, location, plan.facts().python().toString(), command, exit);
            }
            if (ChildSignals.interrupted()) {
                return exit != 0 ? exit : ChildSignals.exitStatus();
            }
            if (exit != 0) {
                break;
            }
        }
        return exit;
    }

    /** One pipx call installs one package: the ledger names that one. */
    private List<String> packagesOf(List<String> command, RouteKind kind, BlockedCommand blocked) {
        List<String> all = RequirementFiles.packageNames(blocked, world.cwd());
        if (kind == RouteKind.PIPX && command.size() >= 3) {
            String name = dev.safepip.pip.Requirement.parse(command.get(command.size() - 1)).normalizedName();
            return name == null ? all : List.of(name);
        }
        return all;
    }
}
