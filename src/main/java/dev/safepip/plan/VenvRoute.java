package dev.safepip.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same pip command inside a virtual environment made with the blocked pip's own interpreter. Where that
 * interpreter has no ensurepip (Debian without python3-venv) the venv is made without pip and the system's pip
 * installs into it with --python: the commands say so, so that what is shown is what runs.
 *
 * @param systemPip the pip that was blocked, as an argv prefix (`/usr/bin/pip`, or `python3 -m pip`)
 * @param ensurepip a new venv would get pip of its own
 */
public record VenvRoute(Path python, VenvChoice venv, BlockedCommand blocked, String blockedBy,
                        List<String> systemPip, boolean ensurepip) implements Route {

    @Override
    public RouteKind kind() {
        return RouteKind.VENV;
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
        boolean withPip;
        if (Files.isRegularFile(venv.dir().resolve("pyvenv.cfg")) || Files.isDirectory(venv.dir().resolve("conda-meta"))) {
            withPip = Files.isExecutable(venvPip());
        } else {
            withPip = ensurepip;
            commands.add(withPip ? List.of(python.toString(), "-m", "venv", venv.dir().toString())
                    : List.of(python.toString(), "-m", "venv", "--without-pip", venv.dir().toString()));
        }
        commands.add(pipCommand(withPip, blocked.argsForVenv()));
        return commands;
    }

    /** The pip run that works on the venv: its own pip, or the system's with --python when it has none. */
    public List<String> pipCommand(boolean withPip, List<String> args) {
        List<String> command = new ArrayList<>();
        if (withPip) {
            command.add(venvPip().toString());
        } else {
            command.addAll(systemPip);
            command.add("--python");
            command.add(venv.dir().resolve("bin/python").toString());
        }
        command.addAll(args);
        return command;
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
