package dev.safepip.rescue;

import dev.safepip.core.IoProblem;
import dev.safepip.ledger.Ledger;
import dev.safepip.plan.RouteKind;
import dev.safepip.route.LedgerWriter;
import dev.safepip.pip.PipExecutable;
import dev.safepip.process.PipRunner;
import dev.safepip.python.DistInfo;
import dev.safepip.ui.Console;
import dev.safepip.core.ShellQuote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `rescue --undo NAME`: puts a rescued package back as it was (the same version, into the site folder it came
 * from, with the system pip and --break-system-packages), then removes the moved copy. The same bytes go back: the
 * wheel rescue made of the installed files and kept, when it is still there unchanged; else NAME==VERSION from the
 * index, said.
 */
public final class RescueUndo {
    private final Console console;
    private final PipRunner runner;
    private final PipExecutable systemPip;
    private final Path stateDir;
    private final boolean root;
    private final java.util.Map<String, String> env;
    private final Path wheels;

    /**
     * What undo will do, decided before consent is asked: the same version put back where it came from (the check
     * after: it is there again), then the moved copy removed from where rescue put it.
     *
     * @param entry     the rescue being undone
     * @param route     where the moved copy is ({@link RouteKind#PIPX} or {@link RouteKind#VENV})
     * @param reinstall the system pip's install into {@code entry.from()}
     * @param removeMoved the removal of the moved copy, run only once the package is back
     * @param wheel     the kept wheel the reinstall installs, or null
     * @param fallback  why the kept wheel is not used, or null
     */
    public record Plan(RescueRecords.Entry entry, RouteKind route, List<String> reinstall, List<String> removeMoved,
                       Path wheel, String fallback) {

        /** Both commands, reinstall first. */
        public List<List<String>> commands() {
            return List.of(reinstall, removeMoved);
        }

        /** The folder the package must be found in again before its moved copy is removed. */
        public Path putBackInto() {
            return Path.of(entry.from());
        }
    }

    /**
     * @param env    this run's environment: its index options are written into a reinstall from the index
     * @param wheels where rescue keeps its wheels (a record naming a wheel elsewhere is not followed)
     */
    public RescueUndo(Console console, PipRunner runner, PipExecutable systemPip, Path stateDir, boolean root,
                      java.util.Map<String, String> env, Path wheels) {
        this.env = env;
        this.wheels = wheels;
        this.console = console;
        this.runner = runner;
        this.systemPip = systemPip;
        this.stateDir = stateDir;
        this.root = root;
    }

    public Plan plan(RescueRecords.Entry entry) throws IOException {
        String fallback = null;
        Path wheel = null;
        if (entry.wheel().isEmpty()) {
            fallback = "it was moved from the index, not as a wheel of its files";
        } else {
            wheel = Path.of(entry.wheel());
            fallback = keptWheelProblem(wheel, entry.wheelSha256());
            wheel = fallback == null ? wheel : null;
        }
        return new Plan(entry, RouteKind.of(entry.route()), reinstall(entry, wheel), removeMoved(entry), wheel,
                fallback);
    }

    /** Why the kept wheel cannot be put back, or null when it is there as rescue wrote it. */
    private String keptWheelProblem(Path wheel, String sha256) throws IOException {
        Path folder = wheel.getParent();
        if (folder == null || folder.getParent() == null || !folder.getParent().equals(wheels)) {
            return "the record names a wheel outside " + wheels;
        }
        if (!Files.isRegularFile(wheel, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "the kept wheel " + wheel + " is gone";
        }
        try {
            // The folder rescue made: nobody else may have swapped the wheel in it.
            dev.safepip.core.StateFiles.forThisProcess().checkFolder(folder);
        } catch (dev.safepip.core.StateFiles.Refused e) {
            throw e.asError();
        }
        if (!WheelFromRecord.hexSha256(wheel).equals(sha256)) {
            return "the kept wheel " + wheel + " is not the one rescue wrote";
        }
        return null;
    }

    /** The reinstall: the kept wheel, or NAME==VERSION from the index when wheel is null. */
    private List<String> reinstall(RescueRecords.Entry entry, Path wheel) {
        List<String> reinstall = new ArrayList<>();
        if (entry.sudo() && !root) {
            reinstall.add("sudo");
        }
        reinstall.addAll(List.of(entry.interpreter(), "-m", "pip", "install"));
        if (entry.scope().equals("USER")) {
            reinstall.add("--user");
        }
        // --no-deps: only this distribution was moved; what it needs is still in the system Python.
        if (wheel != null) {
            // The bytes rescue took: no index is asked.
            reinstall.addAll(List.of("--break-system-packages", "--no-deps", "--no-index", wheel.toString()));
            return reinstall;
        }
        // The user's index, explicitly: under sudo pip would see none of the PIP_* variables it came from.
        reinstall.addAll(IndexOptions.of(env));
        reinstall.addAll(List.of("--break-system-packages", "--no-deps", entry.name() + "==" + entry.version()));
        return reinstall;
    }

    private List<String> removeMoved(RescueRecords.Entry entry) {
        if (RouteKind.of(entry.route()) == RouteKind.PIPX) {
            return List.of("pipx", "uninstall", entry.name());
        }
        Path venv = Path.of(entry.location());
        if (Files.isExecutable(venv.resolve("bin/pip"))) {
            return List.of(venv.resolve("bin/pip").toString(), "uninstall", "-y", entry.name());
        }
        return systemPip.argv(List.of("--python", venv.resolve("bin/python").toString(), "uninstall", "-y",
                entry.name()));
    }

    /** Runs the plan's two commands as they are; @return 0 when put back and the moved copy removed, 1 otherwise */
    public int run(Plan plan) throws IOException {
        RescueRecords.Entry entry = plan.entry();
        console.say("safepip: running " + ShellQuote.line(plan.reinstall()));
        int exit = runner.run(plan.reinstall());
        if (exit != 0 || DistInfo.find(List.of(plan.putBackInto()), entry.normalized()) == null) {
            console.say("safepip: " + entry.name() + " " + entry.version() + " could not be put back into "
                    + entry.from() + "; the moved copy is left in place.");
            return 1;
        }
        console.say("safepip: running " + ShellQuote.line(plan.removeMoved()));
        int removed = runner.run(plan.removeMoved());
        if (plan.route() != null) {
            new LedgerWriter(stateDir, console).write(false, List.of(entry.normalized()), List.of(entry.name()),
                    plan.route(), entry.location(), entry.interpreter(), plan.removeMoved(), removed);
        }
        try {
            new RescueRecords(stateDir).append(new RescueRecords.Entry("undo", entry.normalized(), entry.name(),
                    entry.version(), entry.from(), entry.scope(), entry.sudo(), entry.route(), entry.location(),
                    entry.interpreter()));
        } catch (IOException e) {
            console.say("safepip: could not write safepip's records (" + IoProblem.describe(e) + ").");
        }
        if (plan.wheel() != null) {
            // Put back: no record names it any more.
            try {
                Files.deleteIfExists(plan.wheel());
                Files.deleteIfExists(plan.wheel().getParent());
            } catch (IOException e) {
                // Left in safepip's own folder; nothing uses it.
            }
        }
        if (removed != 0) {
            console.say("safepip: " + entry.name() + " is back in " + entry.from() + ", but its moved copy could not "
                    + "be removed (exit " + removed + ").");
            return 1;
        }
        console.say("safepip: " + entry.name() + " " + entry.version() + " is back in " + entry.from() + ".");
        return 0;
    }
}
