package dev.safepip.rescue;

import dev.safepip.core.World;
import dev.safepip.core.IoProblem;
import dev.safepip.core.StateFiles;
import dev.safepip.ledger.Ledger;
import dev.safepip.plan.RouteKind;
import dev.safepip.route.LedgerWriter;
import dev.safepip.route.PipxAppState;
import dev.safepip.route.PipxTurn;
import dev.safepip.route.PipxWork;
import dev.safepip.process.ChildSignals;
import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipOptionTable;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvRoute;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.PipRunner;
import dev.safepip.route.VenvInstaller;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves strays where they belong: installs the same version there, checks that the new copy works, and only then
 * removes the old one with the system pip. A failure on the way leaves the old copy where it was and says so.
 */
public final class Rescuer {
    /** Imports the modules and compares the installed version, in an isolated interpreter (no cwd, no user site). */
    static final String CHECK = String.join("\n",
            "import importlib, importlib.metadata, sys",
            "name, version = sys.argv[1], sys.argv[2]",
            "found = importlib.metadata.version(name)",
            "if found != version:",
            "    sys.exit('%s %s is installed, not %s' % (name, found, version))",
            "for module in sys.argv[3:]:",
            "    importlib.import_module(module)");

    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final SystemPython python;
    private final PipExecutable systemPip;
    private final Places places;
    private final boolean root;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public Rescuer(World world, Console console, PipRunner runner, SystemPython python, PipExecutable systemPip,
                   Places places, boolean root) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.python = python;
        this.systemPip = systemPip;
        this.places = places;
        this.root = root;
    }

    public Move plan(Stray stray) {
        List<String> remove = new ArrayList<>();
        if (stray.rootOwned() && !root) {
            remove.add("sudo");
        }
        remove.addAll(List.of(python.python().toString(), "-m", "pip", "uninstall", "-y", "--break-system-packages",
                stray.name()));
        // The installed files themselves, as a wheel: no index needed, the same bytes (see InstalledFiles).
        InstalledFiles files = InstalledFiles.of(stray);
        Path wheel = files.fallback() != null ? null : places.wheels().resolve(stray.normalized() + "-"
                + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)).resolve(files.fileName());
        String requirement = wheel == null ? stray.requirement() : wheel.toString();
        if (stray.kind() == Stray.Kind.APPLICATION) {
            String blocker = places.pipx() == null ? "pipx is not installed (sudo apt install pipx)" : null;
            List<String> install = new ArrayList<>(List.of(places.pipx() == null ? "pipx" : places.pipx().toString(),
                    "install", "--python", python.python().toString()));
            // The user's index, explicitly (pipx splits --pip-args like a shell), as the pipx route passes it on.
            List<String> index = IndexOptions.of(world.env());
            if (!index.isEmpty()) {
                install.add("--pip-args=" + ShellQuote.line(index));
            }
            install.add(requirement);
            return new Move(stray, "pipx", places.pipxHome().toString(), List.of(install), remove, blocker, files,
                    wheel);
        }
        VenvRoute route = venvRoute(requirement);
        // As with the venv route: under `sudo safepip` the venv would be made root's, inside the user's own folders.
        String sudoUser = world.getenv("SUDO_USER");
        String blocker = root && sudoUser != null && !sudoUser.equals("root") ? "safepip runs under sudo: the venv "
                + "would belong to root, not to " + sudoUser + "; run safepip rescue without sudo" : null;
        return new Move(stray, "venv", places.venv().toString(), route.commands(), remove, blocker, files, wheel);
    }

    /** @param requirement the wheel made of the installed files, or NAME==VERSION from the index */
    private VenvRoute venvRoute(String requirement) {
        BlockedCommand install = BlockedCommand.of(new PipArgvParser(PipOptionTable.get())
                .parse(withIndex(requirement)));
        return new VenvRoute(python.python(), new VenvChoice(places.venv(), places.venv().toString(),
                "where safepip puts libraries"), install, null, systemPip.argv(List.of()),
                python.prefix() == null || java.nio.file.Files.isDirectory(python.prefix().resolve("lib/python"
                        + python.version() + "/ensurepip")));
    }

    /** `install`, the user's index options written out (see IndexOptions), and the requirement. */
    private List<String> withIndex(String requirement) {
        List<String> argv = new ArrayList<>(List.of("install"));
        argv.addAll(IndexOptions.of(world.env()));
        argv.add(requirement);
        return argv;
    }

    /** Shows a move: where to, and its exact commands. */
    public void show(Move move) {
        Stray stray = move.stray();
        console.say("safepip: " + stray.name() + " " + stray.version() + " (" + (stray.kind() == Stray.Kind.APPLICATION
                ? "an application" : "a library") + ") from " + stray.site() + " to " + (move.route().equals("pipx")
                ? "pipx (" + places.pipxHome() + ")" : "the venv " + move.location())
                + (move.blocker() == null ? ":" : ": not possible, " + move.blocker()));
        if (move.blocker() != null) {
            return;
        }
        if (move.wheel() == null) {
            console.say("safepip: " + stray.name() + "'s installed files cannot be moved as they are ("
                    + move.files().fallback() + "); " + stray.requirement() + " is installed again from the index.");
        } else {
            console.say("    a wheel made of its installed files (nothing downloaded): " + move.wheel());
        }
        for (List<String> command : move.install()) {
            console.command(ShellQuote.line(command));
        }
        console.say("    then, once the new copy works" + (move.stray().kind() == Stray.Kind.LIBRARY
                ? " (it imports " + String.join(", ", stray.modules()) + ")" : " (its commands are there)") + ":");
        console.command(ShellQuote.line(move.remove()));
    }

    /** Carries out one move; true when the package now lives only in its new place. */
    public boolean run(Move move) throws IOException {
        Stray stray = move.stray();
        WheelFromRecord.Written written = null;
        if (move.wheel() != null) {
            written = writeWheel(move);
            if (written == null) {
                return false;
            }
        }
        boolean moved = false;
        try {
            moved = install(move, written);
        } finally {
            if (!moved && written != null) {
                forget(written.wheel());
            }
        }
        return moved;
    }

    /** The wheel of the installed files, with each changed file said; null when it could not be made (said). */
    private WheelFromRecord.Written writeWheel(Move move) throws IOException {
        Stray stray = move.stray();
        WheelFromRecord.Written written;
        try {
            written = WheelFromRecord.write(move.files(), move.wheel().getParent(), StateFiles.forThisProcess());
        } catch (StateFiles.Refused e) {
            throw e.asError();
        } catch (IOException e) {
            console.say("safepip: could not make a wheel of " + stray.name() + "'s installed files ("
                    + IoProblem.describe(e) + "); the old copy in " + stray.site() + " is left in place.");
            return null;
        }
        for (String changed : written.changed()) {
            console.say("safepip: " + stray.name() + ": changed since install: " + changed + " (moved as it is now)");
        }
        return written;
    }

    /** Removes a wheel no record will name, and its folder. */
    private static void forget(Path wheel) {
        try {
            Files.deleteIfExists(wheel);
            Files.deleteIfExists(wheel.getParent());
        } catch (IOException e) {
            // Left in safepip's own folder; nothing uses it.
        }
    }

    private boolean install(Move move, WheelFromRecord.Written written) throws IOException {
        Stray stray = move.stray();
        int exit;
        String broken;
        if (move.route().equals("pipx")) {
            exit = movePipx(move);
            broken = exit == 0 ? pipxBroken : null;
        } else {
            exit = new VenvInstaller(world, console, runner, ledger(), places.stateDir())
                    .install(venvRoute(move.wheel() == null ? stray.requirement() : move.wheel().toString()),
                            python.version());
            broken = exit == 0 ? check(move) : null;
        }
        if (exit != 0) {
            console.say("safepip: " + stray.name() + " could not be installed " + where(move) + "; the old copy in "
                    + stray.site() + " is left in place.");
            return false;
        }
        if (broken != null) {
            console.say("safepip: the new copy of " + stray.name() + " " + where(move) + " does not work (" + broken
                    + "); the old copy in " + stray.site() + " is left in place.");
            return false;
        }
        console.say("safepip: running " + ShellQuote.line(move.remove()));
        int removed = runner.run(move.remove());
        if (removed != 0 || Files.exists(stray.distInfo())) {
            console.say("safepip: the old copy of " + stray.name() + " in " + stray.site() + " could not be removed"
                    + " (exit " + removed + "); it is now both there and " + where(move) + ".");
            return false;
        }
        try {
            new RescueRecords(places.stateDir()).append(new RescueRecords.Entry("rescue", stray.normalized(),
                    stray.name(), stray.version(), stray.site().toString(), stray.scope().name(),
                    move.remove().get(0).equals("sudo"), move.route(), move.location(), python.python().toString(),
                    written == null ? "" : written.wheel().toString(), written == null ? "" : written.sha256()));
        } catch (IOException e) {
            console.say("safepip: could not note the rescue (" + IoProblem.describe(e) + "); `rescue --undo` will "
                    + "not know of it.");
        }
        console.say("safepip: " + stray.name() + " " + stray.version() + " moved " + where(move) + ".");
        return true;
    }

    /** Why the last pipx move's new copy does not work, or null when it does. */
    private String pipxBroken;

    /**
     * Installs an application with pipx in safepip's turn at pipx's home (a half-made environment an interrupted
     * rescue left is repaired first), checks the new copy, and only then records it, with the check's verdict.
     *
     * @return pipx's exit code (0 when it succeeded, whether or not the new copy works: see pipxBroken)
     */
    private int movePipx(Move move) throws IOException {
        Stray stray = move.stray();
        List<String> command = move.install().get(0);
        ChildSignals.install();
        try (PipxTurn turn = PipxTurn.take(places.stateDir(), places.pipxHome(),
                message -> console.say("safepip: " + message))) {
            if (turn == null || ChildSignals.interrupted()) {
                return ChildSignals.exitStatus();
            }
            int exit = new PipxWork(console, runner, places.stateDir()).run(turn, command.get(0),
                    places.pipxHome().resolve("venvs").resolve(stray.normalized()), stray.normalized(), command,
                    command);
            if (ChildSignals.interrupted()) {
                exit = exit != 0 ? exit : ChildSignals.exitStatus();
            }
            pipxBroken = exit == 0 ? check(move) : null;
            ledger().write(true, List.of(stray.normalized()), List.of(stray.requirement()), RouteKind.PIPX,
                    move.location(), python.python().toString(), command, exit != 0 ? exit : pipxBroken != null ? 1
                            : 0);
            return exit;
        }
    }

    private String where(Move move) {
        return move.route().equals("pipx") ? "with pipx" : "into " + move.location();
    }

    /** Why the new copy does not work, or null when it does. */
    private String check(Move move) throws IOException {
        Stray stray = move.stray();
        Path interpreter = move.route().equals("pipx") ? places.pipxPython(stray)
                : places.venv().resolve("bin/python");
        if (move.route().equals("pipx")) {
            PipxAppState state = PipxAppState.of(places.pipxHome().resolve("venvs").resolve(stray.normalized()),
                    stray.normalized());
            if (!state.whole()) {
                return "pipx's environment of it is not whole: " + (state.why() == null ? "there is none"
                        : state.why());
            }
        }
        List<String> argv = new ArrayList<>(List.of(interpreter.toString(), "-I", "-c", CHECK, stray.name(),
                stray.version()));
        if (move.route().equals("venv")) {
            argv.addAll(stray.modules());
        } else {
            for (String script : stray.entryPoints()) {
                Path command = places.pipxBin().resolve(script);
                if (!Files.isExecutable(command)) {
                    return command + " is not there";
                }
            }
        }
        CapturedCommand.Result result;
        try {
            result = CapturedCommand.run(argv, world.env(), world.cwd(), Duration.ofSeconds(60));
        } catch (IOException e) {
            return interpreter + " does not run";
        }
        if (!result.ok()) {
            String last = result.stderr().strip();
            last = last.isEmpty() ? "exit " + result.exit() : last.substring(last.lastIndexOf('\n') + 1);
            return last;
        }
        return null;
    }

    private LedgerWriter ledger() {
        return new LedgerWriter(places.stateDir(), console);
    }
}
