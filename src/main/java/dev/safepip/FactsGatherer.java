package dev.safepip;

import dev.safepip.config.Settings;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.Facts;
import dev.safepip.plan.Requirement;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvChooser;
import dev.safepip.process.SearchPath;
import dev.safepip.python.Interpreter;
import dev.safepip.python.Situation;
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
import java.util.concurrent.CompletableFuture;

/** Gathers what the ways out of a blocked command are built from: the venv folder, pipx, apt, and app or library. */
final class FactsGatherer {
    private final World world;
    private final Console console;
    private final SearchPath path;
    private final PipExecutable pip;

    FactsGatherer(World world, Console console, SearchPath path, PipExecutable pip) {
        this.world = world;
        this.console = console;
        this.path = path;
        this.pip = pip;
    }

    /** @param lookAtPackages whether to find out which requirements are applications (it runs pip download) */
    Facts gather(Situation situation, BlockedCommand blocked, Settings settings, boolean lookAtPackages) {
        Interpreter interpreter = situation.interpreter();
        Path python = interpreter != null ? interpreter.path()
                : pip.python() != null ? pip.python() : Path.of("python3");
        Path defaultVenv = world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip").resolve("venv");
        VenvChoice venv = new VenvChooser(world.home(), defaultVenv).choose(settings.venv(), world.cwd());
        boolean root = "root".equals(System.getProperty("user.name"));
        String markerText = situation.marker() == null ? "" : situation.marker().text();
        PackageManager manager = PackageManagers.detect(path, markerText, world.env());
        // apt's answer and pip's download take about a second each, and neither needs the other: both at once.
        CompletableFuture<List<SystemPackage>> packages;
        if (manager == null) {
            packages = CompletableFuture.completedFuture(List.of());
        } else if (lookAtPackages && manager.canCheckVersions()) {
            packages = CompletableFuture.supplyAsync(() -> manager.resolve(blocked.named(), python));
        } else {
            // Not shown to anyone who waits for it (the explanation, --via): names from the table alone.
            packages = CompletableFuture.completedFuture(manager.canCheckVersions() ? byName(manager, blocked)
                    : manager.resolve(blocked.named(), python));
        }
        Map<String, AppKind> kinds = Map.of();
        if (lookAtPackages && blocked.isInstall() && !blocked.named().isEmpty() && !blocked.hasUnnamedSources()) {
            kinds = new PackageLook(world, console, pip).look(blocked,
                    interpreter != null ? interpreter.path() : pip.python(), root);
        }
        return new Facts(blocked, pip, python, venv, sudoReason(root), path.find("pipx"), path.find("apt-get"),
                manager, packages.join(), kinds, settings.inject(), pipxBinDir(),
                world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip").resolve("pipx"), root,
                settings.yes().value());
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

    private String pipxBinDir() {
        String bin = world.getenv("PIPX_BIN_DIR");
        return bin != null ? bin : world.home().resolve(".local/bin").toString();
    }

    /** Where pipx keeps its environments: PIPX_HOME, or the old ~/.local/pipx if present (pipx keeps using it). */
    String pipxHome() {
        String home = world.getenv("PIPX_HOME");
        if (home != null) {
            return home;
        }
        Path legacy = world.home().resolve(".local/pipx");
        return Files.isDirectory(legacy) ? legacy.toString() : world.home().resolve(".local/share/pipx").toString();
    }
}
