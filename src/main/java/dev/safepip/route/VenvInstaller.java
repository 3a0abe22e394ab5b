package dev.safepip.route;

import dev.safepip.SafepipException;
import dev.safepip.World;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerRecord;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.RequirementFiles;
import dev.safepip.plan.VenvRoute;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.ui.Console;
import dev.safepip.ui.ShellQuote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out the venv route: under a lock, repairs a venv an earlier run left half-made, creates the venv with
 * the blocked pip's own interpreter (falling back to --without-pip when ensurepip is missing), runs the same pip
 * arguments with that venv's pip, records it in the ledger and tells the user how to use it.
 */
public final class VenvInstaller {
    /** Exit status for a run stopped by Ctrl-C, as a shell reports it. */
    static final int INTERRUPTED = 130;

    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final PipExecutable systemPip;
    private final Path stateDir;

    public VenvInstaller(World world, Console console, PipRunner runner, PipExecutable systemPip, Path stateDir) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.systemPip = systemPip;
        this.stateDir = stateDir;
    }

    /**
     * @param version the blocked interpreter's "3.11", which an existing venv must match
     */
    public int install(VenvRoute route, String version) throws IOException {
        Path dir = route.venv().dir();
        String shown = route.venv().display();
        noteSymlink(dir);
        List<String> dropped = route.blocked().droppedInVenv();
        if (!dropped.isEmpty()) {
            console.say("safepip: " + String.join(" ", dropped) + " does not apply inside a virtual environment; "
                    + "left out.");
        }
        ChildSignals.install();
        HalfMadeVenvs halfMade = new HalfMadeVenvs(stateDir);
        try (StateLock lock = StateLock.acquire(stateDir, dir, message -> console.say("safepip: " + message))) {
            if (lock == null || ChildSignals.interrupted()) {
                console.say("safepip: interrupted; nothing was changed.");
                return INTERRUPTED;
            }
            if (halfMade.wasInterrupted(dir)) {
                console.say("safepip: " + shown + " was left half-made by an interrupted run; removing it.");
                halfMade.remove(dir);
            }
            VenvState state = VenvState.of(dir);
            boolean withPip = switch (state.kind()) {
                case ABSENT -> create(route, halfMade);
                case WORKING -> checkCompatible(state, shown, version);
                case BROKEN -> throw SafepipException.unavailable(shown + " is a broken virtual environment (its "
                        + "python no longer runs)", "remove it, or choose another folder with --venv");
                case NOT_A_VENV -> throw SafepipException.unavailable(shown + " exists and is not a virtual "
                        + "environment; safepip will not write into it", "choose another folder with --venv");
            };
            if (ChildSignals.interrupted()) {
                return INTERRUPTED;
            }
            List<String> command = new ArrayList<>();
            if (withPip) {
                command.add(route.venvPip().toString());
                command.addAll(route.blocked().argsForVenv());
            } else {
                // No pip inside (ensurepip missing): the system pip installs into the venv through --python.
                List<String> args = new ArrayList<>(List.of("--python", dir.resolve("bin/python").toString()));
                args.addAll(route.blocked().argsForVenv());
                command.addAll(systemPip.argv(args));
            }
            console.say("safepip: running " + ShellQuote.line(command));
            int exit = runner.run(command);
            record(route, command, exit);
            if (exit == 0) {
                console.say("safepip: installed into " + shown + " (" + route.venv().rule() + ").");
                console.say("safepip: use it with `" + activation(dir) + "`, or run " + dir.resolve("bin/python"));
            }
            return exit;
        }
    }

    private boolean checkCompatible(VenvState state, String shown, String version) {
        if (version != null && state.version() != null && !version.equals(state.version())) {
            throw SafepipException.unavailable(shown + " is a virtual environment of Python " + state.version()
                    + ", not of this Python " + version, "choose another folder with --venv, or remove it");
        }
        return state.hasPip();
    }

    /** Creates the venv; returns whether pip is inside it. */
    private boolean create(VenvRoute route, HalfMadeVenvs halfMade) throws IOException {
        Path dir = route.venv().dir();
        String python = route.python().toString();
        console.say("safepip: creating a virtual environment at " + route.venv().display() + " with " + python
                + " …");
        halfMade.starting(dir);
        CapturedCommand.Result made = venv(List.of(python, "-m", "venv", dir.toString()));
        if (made.ok()) {
            halfMade.finished(dir);
            return true;
        }
        if (interruptedDuring(halfMade, dir)) {
            return false;
        }
        if (!(made.stdout() + made.stderr()).contains("ensurepip")) {
            halfMade.remove(dir);
            throw SafepipException.unavailable("could not create " + route.venv().display() + ": "
                    + lastLine(made), "run " + python + " -m venv " + dir + " to see why");
        }
        halfMade.remove(dir);
        halfMade.starting(dir);
        console.say("safepip: this Python has no ensurepip (on Debian and Ubuntu: the python3-venv package); "
                + "creating the venv without pip and installing with " + systemPip.display() + " --python.");
        console.say("safepip: to have pip inside the venv later: sudo apt install python3-venv");
        CapturedCommand.Result bare = venv(List.of(python, "-m", "venv", "--without-pip", dir.toString()));
        if (!bare.ok()) {
            if (!interruptedDuring(halfMade, dir)) {
                halfMade.remove(dir);
                throw SafepipException.unavailable("could not create " + route.venv().display() + ": "
                        + lastLine(bare), "install python3-venv (sudo apt install python3-venv)");
            }
            return false;
        }
        halfMade.finished(dir);
        return false;
    }

    private boolean interruptedDuring(HalfMadeVenvs halfMade, Path dir) throws IOException {
        if (!ChildSignals.interrupted()) {
            return false;
        }
        halfMade.remove(dir);
        console.say("safepip: interrupted; removed the half-made " + dir);
        return true;
    }

    private CapturedCommand.Result venv(List<String> argv) {
        try {
            return CapturedCommand.run(argv, world.env(), world.cwd(), Duration.ofMinutes(10));
        } catch (IOException e) {
            throw SafepipException.unavailable("cannot start " + argv.get(0) + ": " + e.getMessage(),
                    "check that this Python is installed");
        }
    }

    private static String lastLine(CapturedCommand.Result result) {
        List<String> lines = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip().lines().toList();
        return lines.isEmpty() ? "exit code " + result.exit() : lines.get(lines.size() - 1);
    }

    private void record(VenvRoute route, List<String> command, int exit) {
        LedgerRecord record = new LedgerRecord(Instant.now(), route.blocked().isInstall() ? "install" : "uninstall",
                RequirementFiles.packageNames(route.blocked(), world.cwd()), route.blocked().line().positionals(),
                "venv", route.venv().dir().toString(), route.python().toString(), command, exit);
        try {
            new Ledger(stateDir).append(record);
        } catch (IOException e) {
            console.say("safepip: could not write the ledger (" + e.getMessage() + "); `safepip where` will not "
                    + "know of this install.");
        }
    }

    /** A .venv that is a symlink out of the user's tree is used, but never silently. */
    private void noteSymlink(Path dir) throws IOException {
        if (!Files.isSymbolicLink(dir)) {
            return;
        }
        Path real = dir.toRealPath();
        if (!real.startsWith(world.home()) && !real.startsWith(world.cwd())) {
            console.say("safepip: note: " + dir + " is a symlink to " + real + ", outside your home folder.");
        }
    }

    /** The command that activates the venv in the user's shell. */
    String activation(Path dir) {
        String shell = world.getenv("SHELL");
        String name = shell == null ? "" : Path.of(shell).getFileName().toString();
        String script = switch (name) {
            case "fish" -> "activate.fish";
            case "csh", "tcsh" -> "activate.csh";
            default -> "activate";
        };
        return "source " + ShellQuote.word(dir.resolve("bin").resolve(script).toString());
    }
}
