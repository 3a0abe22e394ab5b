package dev.safepip.route;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.pip.PipOverrides;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.Interpreter;
import dev.safepip.plan.RequirementFiles;
import dev.safepip.plan.VenvRoute;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import dev.safepip.process.IsolatedPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries out the venv route with the argv the route planned: under a lock, repairs a venv an earlier run left
 * half-made, creates the venv with the blocked pip's own interpreter when it is not there (with --without-pip when
 * ensurepip is missing, or when `python -m venv` refuses for want of it: the conditions {@link VenvRoute} names),
 * runs the same pip arguments with that venv's pip, records it in the ledger and tells the user how to use it.
 */
public final class VenvInstaller implements RouteExecutor {
    /** Below this much free space a failed `python -m venv` is put down to a full disk (a venv with pip is ~20 MB). */
    private static final long LOW_SPACE = 48L << 20;

    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final LedgerWriter ledger;
    private final Path stateDir;

    public VenvInstaller(World world, Console console, PipRunner runner, LedgerWriter ledger, Path stateDir) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.ledger = ledger;
        this.stateDir = stateDir;
    }

    @Override
    public int run(Route route, Plan plan) throws IOException {
        Interpreter interpreter = plan.situation().interpreter();
        return install((VenvRoute) route, interpreter == null ? null : interpreter.version(),
                plan.facts().assumeYes());
    }

    /**
     * Without a question about the user's profile afterwards (a rescue moves many packages in one go).
     *
     * @param version the blocked interpreter's "3.11", which an existing venv must match
     */
    public int install(VenvRoute route, String version) throws IOException {
        return install(route, version, true);
    }

    /**
     * @param version   the blocked interpreter's "3.11", which an existing venv must match
     * @param assumeYes --yes: nothing is asked after the install either
     */
    public int install(VenvRoute route, String version, boolean assumeYes) throws IOException {
        Path dir = route.venv().dir();
        String shown = route.venv().display();
        // Before anything touches the folder: another user's .venv (or a folder they may swap) is never filled.
        VenvTrust trust = VenvTrust.ofThisProcess();
        trust.requirePlace(dir, shown);
        noteSymlink(dir);
        List<String> dropped = route.blocked().droppedInVenv();
        if (!dropped.isEmpty()) {
            console.say("safepip: " + String.join(" ", dropped) + " does not apply inside a virtual environment; "
                    + "left out.");
        }
        ChildSignals.install();
        HalfMadeVenvs halfMade = new HalfMadeVenvs(stateDir, new dev.safepip.core.SafepipPaths(world).data());
        try (StateLock lock = StateLock.acquire(stateDir, dir, message -> console.say("safepip: " + message))) {
            if (lock == null || ChildSignals.interrupted()) {
                console.say("safepip: interrupted; nothing was changed.");
                return ChildSignals.exitStatus();
            }
            repair(halfMade, dir, shown);
            VenvState state = VenvState.of(dir);
            boolean withPip = switch (state.kind()) {
                case ABSENT -> create(route, halfMade, lock);
                case WORKING -> checkCompatible(state, shown, version);
                case BROKEN -> throw SafepipException.unavailable(shown + " is a broken virtual environment (its "
                        + "python no longer runs)", "remove it, or choose another folder with --venv");
                case NOT_A_VENV -> throw SafepipException.unavailable(shown + " exists and is not a virtual "
                        + "environment; safepip will not write into it", "choose another folder with --venv");
            };
            if (ChildSignals.interrupted()) {
                return ChildSignals.exitStatus();
            }
            // No pip inside (ensurepip missing): the system pip installs into the venv through --python.
            List<String> command = route.install(withPip);
            // Right before it runs, reused or just made: its folder, bin/ and the program are still only ours.
            trust.requireRunnable(dir, withPip ? route.venvPip() : dir.resolve("bin/python"), shown);
            console.say("safepip: running " + ShellQuote.line(command));
            int exit = venvPipRunner().run(command, lock);
            List<String> names = record(route, command, exit);
            if (exit == 0) {
                console.say("safepip: installed into " + shown + " (" + route.venv().rule() + ").");
                sayHowToReach(route, names, assumeYes);
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

    /** Removes what an interrupted run left, once it is proven to be only that; keeps anything else. */
    private void repair(HalfMadeVenvs halfMade, Path dir, String shown) throws IOException {
        HalfMadeVenvs.Leftover leftover = halfMade.check(dir);
        if (leftover instanceof HalfMadeVenvs.Ours ours) {
            console.say("safepip: " + shown + " was left half-made by an interrupted run; removing it.");
            halfMade.remove(ours.note());
        } else if (leftover instanceof HalfMadeVenvs.Changed changed) {
            // Said once: the next run judges the folder as it is, like any other.
            halfMade.forget(dir);
            throw SafepipException.unavailable(shown + " was left half-made by an interrupted safepip run, but "
                    + changed.why() + "; safepip keeps it", "check it: remove it if it is broken, or keep it if it "
                    + "is yours; then run the install again");
        }
    }

    /** Creates the venv; returns whether pip is inside it. */
    private boolean create(VenvRoute route, HalfMadeVenvs halfMade, StateLock lock) throws IOException {
        Path dir = route.venv().dir();
        String python = route.python().toString();

        HalfMadeVenvs.Note note = halfMade.starting(dir);
        // The plan's argv (the link's target already resolved there); without pip only when this Python refuses.
        if (route.ensurepip()) {
            CapturedCommand.Result made = venv(route, route.create(true), lock);
            if (made.ok()) {
                halfMade.finished(note);
                return true;
            }
            if (stopped(made, halfMade, note)) {
                return false;
            }
            String output = made.stdout() + made.stderr();
            if (!output.contains("ensurepip is not") && !output.contains("No module named ensurepip")) {
                failed(route, made, halfMade, note, "run " + python + " -m venv " + dir + " to see why");
            }
            halfMade.remove(note);
            note = halfMade.starting(dir);
        }
        console.say("safepip: this Python has no ensurepip (on Debian and Ubuntu: the python3-venv package); "
                + "creating the venv without pip and installing with " + ShellQuote.line(route.systemPip())
                + " --python.");
        console.say("safepip: to have pip inside the venv later: sudo apt install python3-venv");
        CapturedCommand.Result bare = venv(route, route.create(false), lock);
        if (bare.ok()) {
            halfMade.finished(note);
            return false;
        }
        if (!stopped(bare, halfMade, note)) {
            failed(route, bare, halfMade, note, "install python3-venv (sudo apt install python3-venv)");
        }
        return false;
    }

    /** Whether a signal stopped the creation (the caller then returns its status); if so, cleans up. */
    private boolean stopped(CapturedCommand.Result result, HalfMadeVenvs halfMade, HalfMadeVenvs.Note note)
            throws IOException {
        if (!ChildSignals.stoppedWithChild(result.exit())) {
            return false;
        }
        halfMade.remove(note);
        console.say("safepip: interrupted; removed the half-made " + note.venv());
        return true;
    }

    /** Cleans up after a failed creation and says why it failed: a full disk is named as such. */
    private void failed(VenvRoute route, CapturedCommand.Result result, HalfMadeVenvs halfMade,
                        HalfMadeVenvs.Note note, String hint) throws IOException {
        halfMade.remove(note);
        String output = result.stdout() + result.stderr();
        String shown = route.venv().display();
        Path existing = existingAncestor(route.venv().dir());
        long free = existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        if (output.contains("No space left on device") || output.contains("Errno 28") || free < LOW_SPACE) {
            throw SafepipException.unavailable("could not create " + shown + ": the disk is full (" + (free >> 20)
                    + " MB free on " + Files.getFileStore(existing) + ")", "free some space there, or choose a "
                    + "folder on another disk with --venv");
        }
        if (output.contains("Disk quota exceeded") || output.contains("Errno 122")) {
            throw SafepipException.unavailable("could not create " + shown + ": your disk quota is used up",
                    "free some space, or choose another folder with --venv");
        }
        throw SafepipException.unavailable("could not create " + shown + ": " + lastLine(result), hint);
    }

    private static Path existingAncestor(Path path) {
        Path at = path.toAbsolutePath();
        while (at != null && !Files.isDirectory(at)) {
            at = at.getParent();
        }
        return at;
    }

    private CapturedCommand.Result venv(VenvRoute route, List<String> argv, StateLock lock) {
        console.say("safepip: creating a virtual environment at " + route.venv().display() + ": running "
                + ShellQuote.line(argv));
        try {
            // From "/": `-m venv` run in the working folder would import a venv.py there (the target is absolute).
            return CapturedCommand.run(argv, world.env(), IsolatedPython.MODULE_CWD, Duration.ofMinutes(10), lock);
        } catch (IOException e) {
            throw SafepipException.unavailable("cannot start " + argv.get(0) + ": " + e.getMessage(),
                    "check that this Python is installed");
        }
    }

    private static String lastLine(CapturedCommand.Result result) {
        List<String> lines = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip().lines().toList();
        if (!lines.isEmpty()) {
            return lines.get(lines.size() - 1);
        }
        return result.exit() > 128 ? "it was ended by signal " + (result.exit() - 128) : "exit code " + result.exit();
    }

    /**
     * The venv, and the commands the install put there: the default venv's through safepip's links (made now, so
     * that they can be named), any other venv's once it is active.
     */
    private void sayHowToReach(VenvRoute route, List<String> names, boolean assumeYes) {
        Path dir = route.venv().dir();
        String usual = "safepip: use it with `" + activation(dir) + "`, or run " + dir.resolve("bin/python");
        CommandReach reach = new CommandReach(world, console, stateDir, assumeYes);
        if (!dir.toAbsolutePath().normalize().equals(new dev.safepip.core.SafepipPaths(world).defaultVenv()
                .toAbsolutePath().normalize())) {
            if (!route.blocked().isInstall() || !reach.afterVenv(dir, names, activation(dir))) {
                console.say(usual);
            }
            return;
        }
        console.say(usual);
        CommandLinks links = CommandLinks.of(world);
        try {
            links.refresh();
        } catch (IOException e) {
            console.say("safepip: note: could not update the command links in " + links.folder() + " ("
                    + dev.safepip.core.IoProblem.describe(e) + ")");
        }
        if (route.blocked().isInstall()) {
            reach.afterVenv(dir, names, activation(dir));
        }
    }

    /** @return the packages the ledger names */
    private List<String> record(VenvRoute route, List<String> command, int exit) {
        // The environment pip ran with expands ${VAR} in the files; a file whose packages cannot all be told is said.
        RequirementFiles.Names names = RequirementFiles.read(route.blocked(), world.cwd(), world.env());
        for (String problem : names.problems()) {
            console.say("safepip: " + problem + "; the ledger may not name every package installed from it.");
        }
        ledger.write(route.blocked().isInstall(), names.names(),
                route.blocked().line().positionals(), RouteKind.VENV,
                route.venv().dir().toAbsolutePath().normalize().toString(), route.python().toString(), command, exit);
        return names.names();
    }

    /**
     * The venv's pip with the user's pip configuration, less what cannot apply inside a venv: `user = true` (or
     * PIP_USER) would make it refuse ("Can not perform a '--user' install"), so it is turned off for this run, and
     * said once.
     */
    private PipRunner venvPipRunner() {
        String user = new PipOverrides(world.env(), world.home()).userInstalls();
        if (user == null) {
            return runner;
        }
        console.say("safepip: " + user + "; not for the virtual environment (PIP_USER=0 for this run).");
        return runner.with(Map.of("PIP_USER", "0"));
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
        if (Files.isDirectory(dir.resolve("conda-meta"))) {
            // An active conda environment the route was sent to: conda's own word, not a venv's script.
            return "conda activate " + ShellQuote.word(dir.toString());
        }
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
