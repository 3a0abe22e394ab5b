package dev.safepip.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the same pip command inside a virtual environment made with the blocked pip's own interpreter. */
public record VenvRoute(Path python, VenvChoice venv, BlockedCommand blocked) implements Route {

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

    @Override
    public String unavailable() {
        return null;
    }
}
