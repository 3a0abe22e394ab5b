package dev.safepip.plan;

import java.util.ArrayList;
import java.util.List;

/** Installs the distribution's own packages of the requirements with its package manager. */
public record SystemRoute(BlockedCommand blocked, String aptGet, boolean root) implements Route {

    @Override
    public String key() {
        return "apt";
    }

    @Override
    public String title() {
        return "with apt, system-wide" + (root ? "" : " (needs sudo)");
    }

    @Override
    public String where() {
        return "Debian's packages, managed by apt";
    }

    /** The Debian package for a PyPI name: python3-&lt;normalized name&gt; (refined by the package map). */
    static String debianName(Requirement requirement) {
        return "python3-" + requirement.normalizedName();
    }

    @Override
    public List<List<String>> commands() {
        List<String> command = new ArrayList<>();
        if (!root) {
            command.add("sudo");
        }
        command.add("apt-get");
        command.add(blocked.isInstall() ? "install" : "remove");
        for (Requirement requirement : blocked.named()) {
            command.add(debianName(requirement));
        }
        return List.of(command);
    }

    @Override
    public String unavailable() {
        if (aptGet == null) {
            return "apt-get is not on this system";
        }
        if (blocked.hasUnnamedSources()) {
            return "apt installs packages by name, not requirement files, paths or URLs";
        }
        if (blocked.named().isEmpty()) {
            return "no package named";
        }
        return null;
    }
}
