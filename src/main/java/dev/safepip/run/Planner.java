package dev.safepip.run;

import dev.safepip.core.World;
import dev.safepip.config.Settings;
import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipPaths;
import dev.safepip.pip.ActiveEnvironment;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Facts;
import dev.safepip.plan.Plan;
import dev.safepip.plan.Recommender;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.Route;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvChooser;
import dev.safepip.plan.WaysOut;
import dev.safepip.process.SearchPath;
import dev.safepip.python.Interpreter;
import dev.safepip.pip.Situation;
import dev.safepip.route.PipxEnvironment;
import dev.safepip.system.DevContainer;
import dev.safepip.system.PackageManager;
import dev.safepip.system.PackageManagers;
import dev.safepip.system.SystemPackage;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the one {@link Plan} of a blocked command: gathers the facts every way out is built from (the venv folder,
 * pipx, the system's packages, application or library), lists the ways and picks the recommended one.
 */
final class Planner {
    private final World world;
    private final Console console;
    private final SearchPath path;
    private final PipExecutable pip;

    Planner(World world, Console console, SearchPath path, PipExecutable pip) {
        this.world = world;
        this.console = console;
        this.path = path;
        this.pip = pip;
    }

    Plan plan(Situation situation, BlockedCommand blocked, Settings settings, Looks looks, boolean pipAlreadySaid) {
        Facts facts = gather(situation, blocked, settings, looks);
        List<Route> routes = WaysOut.all(facts);
        return new Plan(situation, blocked, facts, routes, Recommender.recommend(routes, settings.preferSystem()),
                pipAlreadySaid);
    }

    private Facts gather(Situation situation, BlockedCommand blocked, Settings settings, Looks looks) {
        Interpreter interpreter = situation.interpreter();
        boolean root = "root".equals(System.getProperty("user.name"));
        // pip's look is the slowest part of a plan (pip's own dry run): it starts first, and everything else is
        // gathered while it runs.
        PackageLook.Started look = null;
        if (looks.kinds() && blocked.isInstall() && !blocked.named().isEmpty() && !blocked.hasUnnamedSources()) {
            look = new PackageLook(world, console, pip).start(blocked,
                    interpreter != null ? interpreter.path() : pip.python(), root);
        }
        Path python = interpreter != null ? interpreter.path()
                : pip.python() != null ? pip.python() : Path.of("python3");
        SafepipPaths paths = new SafepipPaths(world);
        String markerText = situation.marker() == null ? "" : situation.marker().text();
        PackageManager manager = PackageManagers.detect(path, markerText, world.env(), paths.cache());
        // apt's answer and pipx's folders take a few tenths of a second each, and neither needs pip's look: they
        // run beside it. Without them no thread is started.
        List<SystemPackage> packages = null;
        Beside<List<SystemPackage>> asking = null;
        if (manager == null) {
            packages = List.of();
        } else if (looks.systemVersions() && manager.canCheckVersions()) {
            asking = new AptAnswer(manager, blocked, python).begin();
        } else {
            // Not shown to anyone who waits for it (the explanation, another route): names from the table alone.
            packages = manager.canCheckVersions() ? byName(manager, blocked)
                    : manager.resolve(blocked.named(), python);
        }
        Path pipx = path.find("pipx");
        Path aptGet = path.find("apt-get");
        Beside<PipxEnvironment> pipxEnv = looks.pipx() && blocked.isInstall()
                ? new PipxFolders(pipx, aptGet != null).begin() : null;
        VenvChooser chooser = VenvChooser.forThisProcess(world.home(), paths.defaultVenv(), world.env());
        VenvChoice venv = chooser.choose(settings.venv(), world.cwd());
        ActiveEnvironment active = ActiveEnvironment.detect(world, path, pip, python);
        if (active != null && !active.usesOwn() && active.cause() != null) {
            ActiveEnvironment.Finding cause = active.cause();
            // The question people ask most after the error itself: "but I activated my venv".
            console.say("safepip: " + (active.kind() == Interpreter.Kind.VENV ? "the virtual environment "
                    : "the conda environment ") + active.prefix() + " is active, but the pip that ran is not its own: "
                    + cause.text() + (cause.fixes().isEmpty() ? "" : "; fix: " + String.join(" ; ", cause.fixes()))
                    + ".");
            if (settings.venv().value() == null && cause.cause() != ActiveEnvironment.Cause.GONE) {
                venv = chooser.named(active.prefix(), active.kind() == Interpreter.Kind.VENV
                        ? "the active virtual environment" : "the active conda environment");
            }
        }
        if (venv.skipped() != null) {
            console.say("safepip: " + venv.skipped() + "; using " + venv.display() + " instead.");
        }
        boolean ensurepip = interpreter == null || interpreter.stdlib() == null
                || Files.isDirectory(interpreter.stdlib().resolve("ensurepip"));
        boolean container = Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"));
        DevContainer devContainer = devContainer();
        Map<String, AppKind> kinds = look == null ? Map.of() : look.finish();
        PipxEnvironment pipxDirs = pipxEnv == null ? null : pipxEnv.result();
        if (pipxDirs == null) {
            // Without the look: pipx's variables or its defaults, with no process started.
            pipxDirs = PipxEnvironment.of(null, world.ownEnv(), world.ownHome(), aptGet != null);
        }
        Set<String> apps = looks.pipx() ? pipxDirs.apps() : Set.of();
        return new Facts(blocked, pip, python, venv, sudoReason(root), pipx, aptGet, manager,
                asking != null ? asking.result() : packages, kinds, settings.inject(), pipxDirs.home().toString(),
                pipxDirs.bin().toString(), apps, ensurepip, container, paths.ownPipxVenv(), root,
                settings.yes().value(), devContainer);
    }

    /** apt's versions of the system's packages, beside the look. */
    private static final class AptAnswer extends Beside<List<SystemPackage>> {
        private final PackageManager manager;
        private final BlockedCommand blocked;
        private final Path python;

        AptAnswer(PackageManager manager, BlockedCommand blocked, Path python) {
            super("safepip-apt");
            this.manager = manager;
            this.blocked = blocked;
            this.python = python;
        }

        @Override
        List<SystemPackage> compute() {
            return manager.resolve(blocked.named(), python);
        }
    }

    /** Where pipx keeps its things, asked of pipx beside the look. */
    private final class PipxFolders extends Beside<PipxEnvironment> {
        private final Path pipx;
        private final boolean debiansPipx;

        PipxFolders(Path pipx, boolean debiansPipx) {
            super("safepip-pipx");
            this.pipx = pipx;
            this.debiansPipx = debiansPipx;
        }

        @Override
        PipxEnvironment compute() {
            return PipxEnvironment.of(pipx, world.ownEnv(), world.ownHome(), debiansPipx,
                    new SafepipPaths(world).cache());
        }
    }

    /** As the venv's project is judged: this user's files and root's, and under sudo the invoking user's. */
    private DevContainer devContainer() {
        Ownership judge = Ownership.ofThisProcess();
        return DevContainer.detect(world.env(), world.cwd(), judge, Ownership.sudoUid(judge.uid(), world.env()));
    }

    /**
     * Under `sudo safepip`, a venv would be made by root inside the user's own folders, owned by root: safepip
     * says why it will not, instead of leaving root-owned files behind.
     */
    private String sudoReason(boolean root) {
        String user = world.getenv("SUDO_USER");
        if (root && user != null && !user.equals("root")) {
            return "safepip runs under sudo: the venv would belong to root, not to " + user
                    + "; run safepip without sudo";
        }
        return null;
    }

    /** The manager's packages by naming rules alone, unchecked: for the explanation that must not wait. */
    private static List<SystemPackage> byName(PackageManager manager, BlockedCommand blocked) {
        List<SystemPackage> packages = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            String name = manager.packageFor(requirement.name());
            packages.add(new SystemPackage(requirement.text(), requirement.name(), name, null,
                    name == null ? "no " + manager.name() + " package for " + requirement.name() : null));
        }
        return packages;
    }
}
