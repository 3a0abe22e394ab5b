package dev.safepip.plan;

import dev.safepip.system.Apt;
import dev.safepip.system.PackageManager;
import dev.safepip.system.SystemPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the distribution's own packages of the requirements with its package manager, after checking (with
 * apt) that each exists at a version that satisfies the requirement.
 *
 * @param manager   the system's package manager, or null when there is none
 * @param packages  one per named requirement; checked against the manager when it can be asked
 * @param assumeYes the user said --yes (apt never asks again in any case: its commands carry -y)
 */
public record SystemRoute(BlockedCommand blocked, PackageManager manager, List<SystemPackage> packages, boolean root,
                          boolean assumeYes) implements Route {

    @Override
    public RouteKind kind() {
        return RouteKind.SYSTEM;
    }

    @Override
    public String title() {
        String tool = manager == null ? "the system package manager" : manager.name();
        StringBuilder title = new StringBuilder("with " + tool + ", system-wide");
        List<String> offered = new ArrayList<>();
        for (SystemPackage p : packages) {
            if (p.packageName() != null) {
                offered.add(p.packageName() + (p.version() == null ? "" : " " + p.version()));
            }
        }
        if (!offered.isEmpty()) {
            title.append(": ").append(String.join(", ", offered));
            if (blocked.isInstall() && manager != null && manager.canCheckVersions() && !checked()) {
                // The quick report without a terminal asks no package manager: the names are Debian's naming
                // rule's, which it must not present as packages that exist.
                title.append(" (not looked up: safepip --plan asks ").append(manager.name()).append(')');
            }
        }
        return title + (root || manager == null || manager.name().equals("brew") ? "" : " (needs sudo)");
    }

    @Override
    public String where() {
        return "the distribution's packages, updated with the system";
    }

    @Override
    public List<List<String>> commands() {
        List<String> names = packageNames();
        if (manager == null || names.isEmpty()) {
            return List.of();
        }
        // apt's own commands carry -y whoever chose the route (the menu, --via=apt, --yes): the one question is
        // safepip's, and what apt would also remove is asked of apt-get -s before it runs (CommandRouteRunner).
        return List.of(blocked.isInstall() ? manager.installCommand(names, root)
                : manager.removeCommand(names, root));
    }

    /** apt-get -s with the same verb and packages: what apt would do beyond them is asked before it runs. */
    @Override
    public List<String> question() {
        List<String> names = packageNames();
        if (!(manager instanceof Apt apt) || names.isEmpty()) {
            return List.of();
        }
        return apt.simulateCommand(blocked.isInstall() ? "install" : "remove", names);
    }

    /** The system packages the command names, in order. */
    public List<String> packageNames() {
        List<String> names = new ArrayList<>();
        for (SystemPackage p : packages) {
            if (p.packageName() != null) {
                names.add(p.packageName());
            }
        }
        return names;
    }

    @Override
    public String unavailable() {
        if (manager == null) {
            return "no system package manager found (apt-get, dnf, pacman, apk, brew)";
        }
        if (blocked.hasUnnamedSources()) {
            return manager.name() + " installs packages by name, not requirement files, paths or URLs";
        }
        if (blocked.named().isEmpty()) {
            return "no package named";
        }
        List<String> problems = new ArrayList<>();
        for (SystemPackage p : packages) {
            if (p.problem() != null) {
                problems.add(p.problem());
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Whether the manager was asked, so that the packages are known to exist at those versions. */
    public boolean checked() {
        if (manager == null || !manager.canCheckVersions()) {
            return false;
        }
        for (SystemPackage found : packages) {
            if (found.version() == null) {
                return false;
            }
        }
        return true;
    }
}
