package dev.safepip.system;

import java.util.List;
import java.util.Map;

/**
 * A package manager whose Python packages follow a naming rule, as data: Fedora's dnf (every Python package provides
 * `python3dist(<name>)`), Arch's pacman (python-&lt;name&gt;), Alpine's apk (py3-&lt;name&gt;) and Homebrew (the
 * project's own name, no sudo). Command construction only: none of them is where safepip is tested, so nothing here
 * runs them, and names outside a rule are only known for a few projects.
 *
 * @param name       the manager's command
 * @param install    its words for install (`install`, `-S`, `add`)
 * @param remove     its words for remove (`remove`, `-R` — not -Rs: like apt-get remove, dependencies stay — `del`)
 * @param prefix     put before the normalized name (python-, py3-), or "" for the name alone
 * @param provides   the name goes inside `python3dist(…)` (one argv element, so the parentheses need no quoting)
 * @param sudo       whether it runs as root (Homebrew refuses to)
 * @param exceptions where the distribution departs from the rule for a popular project
 */
public record NamingRule(String name, String install, String remove, String prefix, boolean provides, boolean sudo,
                         Map<String, String> exceptions) implements PackageManager {

    public static final NamingRule DNF = new NamingRule("dnf", "install", "remove", "", true, true, Map.of());
    public static final NamingRule PACMAN = new NamingRule("pacman", "-S", "-R", "python-", false, true,
            Map.of("pyyaml", "python-yaml"));
    public static final NamingRule APK = new NamingRule("apk", "add", "del", "py3-", false, true,
            Map.of("pyyaml", "py3-yaml"));
    public static final NamingRule BREW = new NamingRule("brew", "install", "uninstall", "", false, false, Map.of());

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(sudo && !root, List.of(name, install), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(sudo && !root, List.of(name, remove), packages);
    }

    @Override
    public String packageFor(String pypiName) {
        if (!prefix.isEmpty()) {
            return PypiName.prefixed(prefix, pypiName, exceptions);
        }
        String normalized = PypiName.normalize(pypiName);
        if (!PypiName.plain(normalized)) {
            return null;
        }
        return provides ? "python3dist(" + normalized + ")" : normalized;
    }

    @Override
    public boolean canCheckVersions() {
        return false;
    }
}
