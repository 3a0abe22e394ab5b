package dev.safepip.system;

import java.util.List;
import java.util.Map;

/**
 * Alpine Linux: py3-&lt;name&gt;. Command construction only: there is no apk where safepip is tested, so nothing
 * here runs it, and names outside the rule are only known for a few projects.
 */
public record Apk() implements PackageManager {
    /** Where Alpine departs from py3-&lt;normalized name&gt; for a popular project. */
    private static final Map<String, String> EXCEPTIONS = Map.of("pyyaml", "py3-yaml");

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apk", "add"), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apk", "del"), packages);
    }

    @Override
    public String packageFor(String pypiName) {
        return PypiName.prefixed("py3-", pypiName, EXCEPTIONS);
    }

    @Override
    public boolean canCheckVersions() {
        return false;
    }
}
