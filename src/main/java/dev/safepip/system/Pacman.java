package dev.safepip.system;

import java.util.List;
import java.util.Map;

/**
 * Arch Linux and its derivatives: python-&lt;name&gt;. Command construction only: there is no pacman where safepip
 * is tested, so nothing here runs it, and names outside the rule are only known for a few projects.
 */
public record Pacman() implements PackageManager {
    /** Where Arch departs from python-&lt;normalized name&gt; for a popular project. */
    private static final Map<String, String> EXCEPTIONS = Map.of("pyyaml", "python-yaml");

    @Override
    public String name() {
        return "pacman";
    }

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("pacman", "-S"), packages);
    }

    /** -R, not -Rs: like apt-get remove, it leaves the dependencies alone. */
    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("pacman", "-R"), packages);
    }

    @Override
    public String packageFor(String pypiName) {
        return PypiName.prefixed("python-", pypiName, EXCEPTIONS);
    }

    @Override
    public boolean canCheckVersions() {
        return false;
    }
}
