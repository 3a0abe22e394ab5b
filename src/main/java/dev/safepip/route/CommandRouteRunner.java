package dev.safepip.route;

import dev.safepip.World;
import dev.safepip.ledger.LedgerRecord;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.RequirementFiles;
import dev.safepip.plan.Route;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.ui.Console;
import dev.safepip.ui.ShellQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Carries out a route that is a list of commands (pipx, the system package manager, --break-system-packages): each
 * is shown, then run on the user's terminal; the first failure stops the rest. Each command is recorded.
 */
public final class CommandRouteRunner {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final Path stateDir;

    public CommandRouteRunner(World world, Console console, PipRunner runner, Path stateDir) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.stateDir = stateDir;
    }

    public int run(Route route, BlockedCommand blocked, String location, String interpreter) throws IOException {
        if (route.dangerous()) {
            console.danger("safepip: WARNING: installing into the system Python with --break-system-packages. "
                    + "Packages it replaces or upgrades may break tools of your distribution that rely on them, "
                    + "and the distribution's own updates may later overwrite or break what pip installs.");
        }
        ChildSignals.install();
        int exit = 0;
        for (List<String> command : route.commands()) {
            console.say("safepip: running " + ShellQuote.line(command));
            exit = runner.run(command);
            LedgerWriter.append(stateDir, new LedgerRecord(Instant.now(), blocked.isInstall() ? "install"
                    : "uninstall", packagesOf(command, blocked), blocked.line().positionals(), route.key(),
                    location, interpreter, command, exit), console);
            if (exit != 0 || ChildSignals.interrupted()) {
                break;
            }
        }
        return exit;
    }

    /** One pipx call installs one package: the ledger names that one. */
    private List<String> packagesOf(List<String> command, BlockedCommand blocked) {
        List<String> all = RequirementFiles.packageNames(blocked, world.cwd());
        if (command.size() >= 3 && command.get(1).equals("install") && command.get(0).endsWith("pipx")) {
            String name = dev.safepip.plan.Requirement.parse(command.get(command.size() - 1)).normalizedName();
            return name == null ? all : List.of(name);
        }
        return all;
    }
}
