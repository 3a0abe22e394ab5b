package dev.safepip.system;

import dev.safepip.pip.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A system package manager as the system route needs it: how to name a PyPI project in its world, and the command
 * lines that install and remove packages. Only apt can also be asked here whether a package exists and which
 * version it has; the others get their names from naming rules alone.
 */
public sealed interface PackageManager permits Apt, NamingRule {

    /** Short name for messages and the route key: apt, dnf, pacman, apk, brew. */
    String name();

    /** The install command line, with sudo in front when not root (never for brew). */
    List<String> installCommand(List<String> packages, boolean root);

    /** The remove command line, with sudo in front when not root (never for brew). */
    List<String> removeCommand(List<String> packages, boolean root);

    /**
     * The package that would ship a PyPI project, from naming rules and tables alone (no process); null when
     * this manager is known to have none.
     */
    String packageFor(String pypiName);

    /** Whether {@link #resolve} asks the manager, so that a package it returns exists in the version it says. */
    boolean canCheckVersions();

    /**
     * One result per requirement, in order. The default uses {@link #packageFor} only: the package may not exist
     * and no specifier is checked, which {@link #canCheckVersions()} false tells the caller.
     *
     * @param python the interpreter whose pip would have installed the requirements (for specifier checks)
     */
    default List<SystemPackage> resolve(List<Requirement> requirements, Path python) {
        List<SystemPackage> results = new ArrayList<>();
        for (Requirement requirement : requirements) {
            String packageName = requirement.named() ? packageFor(requirement.name()) : null;
            String problem = !requirement.named()
                    ? requirement.text().strip() + " is not a package name; " + name() + " installs packages by name"
                    : packageName == null ? "no " + name() + " package for " + requirement.name() : null;
            results.add(new SystemPackage(requirement.text(), requirement.name(), packageName, null, problem));
        }
        return results;
    }
}
