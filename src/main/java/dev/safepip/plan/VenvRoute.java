package dev.safepip.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the same pip command inside a virtual environment made with the blocked pip's own interpreter. */
public record VenvRoute(Path python, VenvChoice venv, BlockedCommand blocked, String blockedBy) implements Route {

    @Override
    public String key() {
        return "venv";
    }

    @Override
    public String title() {
        return "into a virtual environment";
    }

    @Override
    public String where() {
        return venv.display();
    }

    public Path venvPip() {
        return venv.dir().resolve("bin").resolve("pip");
    }

    @Override
    public List<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        if (!Files.isRegularFile(venv.dir().resolve("pyvenv.cfg"))) {
            commands.add(List.of(python.toString(), "-m", "venv", venv.dir().toString()));
        }
        List<String> install = new ArrayList<>();
        install.add(venvPip().toString());
        install.addAll(blocked.argsForVenv());
        commands.add(install);
        return commands;
    }

    /** @return why not (running under sudo), or null */
    @Override
    public String unavailable() {
        return blockedBy;
    }

    /** The folder came from a project or an existing .venv, not the user's default. */
    public boolean inProject() {
        return !venv.rule().equals("no project here");
    }
}
