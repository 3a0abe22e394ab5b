package dev.safepip.system;

import java.util.List;

/**
 * Fedora and its relatives. Every Python package there provides `python3dist(<normalized name>)`, so dnf finds the
 * right package for any PyPI name without a table. Command construction only: there is no dnf where safepip is
 * tested, so nothing here runs it.
 */
public record Dnf() implements PackageManager {

    @Override
    public String name() {
        return "dnf";
    }

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("dnf", "install"), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("dnf", "remove"), packages);
    }

    /** `python3dist(pyyaml)`: one argv element, so the parentheses need no quoting. */
    @Override
    public String packageFor(String pypiName) {
        String name = PypiName.normalize(pypiName);
        return PypiName.plain(name) ? "python3dist(" + name + ")" : null;
    }

    @Override
    public boolean canCheckVersions() {
        return false;
    }
}
