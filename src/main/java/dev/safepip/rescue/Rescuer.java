package dev.safepip.rescue;

import dev.safepip.core.IoProblem;
import dev.safepip.core.ShellQuote;
import dev.safepip.core.StateFiles;
import dev.safepip.core.World;
import dev.safepip.plan.RouteKind;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.PipRunner;
import dev.safepip.route.LedgerWriter;
import dev.safepip.route.PipxAppState;
import dev.safepip.route.PipxTurn;
import dev.safepip.route.PipxWork;
import dev.safepip.route.VenvInstaller;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a planned {@link Move} as {@link MovePlanner} decided it: writes the wheel, installs with the plan's own
 * route or command, checks the new copy, and only then runs the plan's removal of the old one. A failure on the way
 * leaves the old copy where it was and says so.
 */
public final class Rescuer {
    private final World world;
    private final Console console;
    private final PipRunner runner;
    private final SystemPython python;
    private final Places places;

    public Rescuer(World world, Console console, PipRunner runner, SystemPython python, Places places) {
        this.world = world;
        this.console = console;
        this.runner = runner;
        this.python = python;
        this.places = places;
    }

    /** Carries out one move; true when the package now lives only in its new place. */
    public boolean run(Move move) throws IOException {
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
        if (move.route() == RouteKind.PIPX) {
            exit = movePipx(move);
            broken = exit == 0 ? pipxBroken : null;
        } else {
            // The route the plan showed, not one built again.
            exit = new VenvInstaller(world, console, runner, ledger(), places.stateDir()).install(move.venv(),
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
                    stray.name(), stray.version(), stray.site().toString(), stray.scope().name(), move.sudo(),
                    move.route().word(), move.location(), python.python().toString(),
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
        return move.route() == RouteKind.PIPX ? "with pipx" : "into " + move.location();
    }

    /** Why the new copy does not work, or null when it does: the plan's check, run with what was made. */
    private String check(Move move) throws IOException {
        Stray stray = move.stray();
        if (move.route() == RouteKind.PIPX) {
            PipxAppState state = PipxAppState.of(places.pipxHome().resolve("venvs").resolve(stray.normalized()),
                    stray.normalized());
            if (!state.whole()) {
                return "pipx's environment of it is not whole: " + (state.why() == null ? "there is none"
                        : state.why());
            }
        }
        for (Path command : move.commandsThere()) {
            if (!Files.isExecutable(command)) {
                return command + " is not there";
            }
        }
        Path interpreter = made(move.checkWith());
        List<String> argv = new ArrayList<>();
        argv.add(interpreter.toString());
        argv.addAll(move.checkArgs());
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

    /** Of the interpreters the plan names, the first that the install made (the first when none is there). */
    private static Path made(List<Path> candidates) {
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    private LedgerWriter ledger() {
        return new LedgerWriter(places.stateDir(), console);
    }
}
