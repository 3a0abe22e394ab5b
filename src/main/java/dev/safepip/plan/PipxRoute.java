package dev.safepip.plan;

import java.util.ArrayList;
import java.util.List;

/** Installs each named requirement as an application with pipx, one `pipx install` per package. */
public record PipxRoute(BlockedCommand blocked, String pipx) implements Route {

    @Override
    public String key() {
        return "pipx";
    }

    @Override
    public String title() {
        return "with pipx, for command-line applications";
    }

    @Override
    public String where() {
        return "one environment per application, commands in ~/.local/bin";
    }

    @Override
    public List<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            commands.add(List.of(pipx == null ? "pipx" : pipx, blocked.isInstall() ? "install" : "uninstall",
                    blocked.isInstall() ? requirement.text() : requirement.name()));
        }
        return commands;
    }

    @Override
    public String unavailable() {
        if (blocked.hasUnnamedSources()) {
            return "pipx takes packages by name, not requirement files, paths or URLs";
        }
        if (blocked.named().isEmpty()) {
            return "no package named";
        }
        return null;
    }
}
