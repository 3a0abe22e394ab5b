package dev.safepip.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same pip command inside a virtual environment made with the blocked pip's own interpreter. Where that
 * interpreter has no ensurepip (Debian without python3-venv) the venv is made without pip and the system's pip
 * installs into it with --python: the commands say so, so that what is shown is what runs.
 *
 * <p>Every argv is computed here from what was found when the plan was made ({@link #planned}); nothing reads the
 * disk when the commands are asked for. The executor runs {@link #commands()}; it turns to the other planned argv
 * only on a condition the plan names: the venv is not there when the run starts (made with {@link #create}), or
 * `python -m venv` refuses for want of ensurepip (made with {@code create(false)}, filled with
 * {@code install(false)}).
 *
 * @param systemPip the pip that was blocked, as an argv prefix (`/usr/bin/pip`, or `python3 -m pip`)
 * @param ensurepip a new venv would get pip of its own
 * @param found     what was at the venv's folder when the plan was made
 * @param target    the folder `python -m venv` is given: the venv's, or the one it links to
 */
public record VenvRoute(Path python, VenvChoice venv, BlockedCommand blocked, String blockedBy,
                        List<String> systemPip, boolean ensurepip, Found found, String target) implements Route {

    /** What is at the venv's folder, as the plan found it. */
    public enum Found {
        /** No venv yet: it is made first. */
        ABSENT,
        /** A venv (or an active conda environment) with a pip of its own. */
        WITH_PIP,
        /** A venv without pip: the system's pip works on it through --python. */
        WITHOUT_PIP
    }

    /** The route, with the venv's folder looked at once, now. */
    public static VenvRoute planned(Path python, VenvChoice venv, BlockedCommand blocked, String blockedBy,
                                    List<String> systemPip, boolean ensurepip) {
        Path dir = venv.dir();
        Found found = Found.ABSENT;
        if (Files.isRegularFile(dir.resolve("pyvenv.cfg")) || Files.isDirectory(dir.resolve("conda-meta"))) {
            found = Files.isExecutable(dir.resolve("bin").resolve("pip")) ? Found.WITH_PIP : Found.WITHOUT_PIP;
        }
        // `python -m venv` cannot make a venv through a symlink (".venv -> /big/disk/venv"): it is given the folder
        // the link points to, and the link stays.
        String target = dir.toString();
        if (Files.isSymbolicLink(dir)) {
            try {
                target = dir.toRealPath().toString();
            } catch (IOException e) {
                // A link to nothing: `python -m venv` is given the link, and says why it cannot make the venv there.
            }
        }
        return new VenvRoute(python, venv, blocked, blockedBy, List.copyOf(systemPip), ensurepip, found, target);
    }

    /**
     * The same route for a later install of the same plan, once an earlier one has made the venv (a rescue moving
     * two libraries makes the venv once): no creation, and the pip the venv was made with.
     */
    public VenvRoute afterCreation() {
        if (found != Found.ABSENT) {
            return this;
        }
        return new VenvRoute(python, venv, blocked, blockedBy, systemPip, ensurepip,
                ensurepip ? Found.WITH_PIP : Found.WITHOUT_PIP, target);
    }

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

    /** What a run does with the venv as the plan found it: made first when absent, then the pip command. */
    @Override
    public List<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        if (found == Found.ABSENT) {
            commands.add(create(ensurepip));
        }
        commands.add(install(found == Found.WITH_PIP || found == Found.ABSENT && ensurepip));
        return commands;
    }

    /** `python -m venv`, with pip, or `--without-pip` when this Python has no ensurepip. */
    public List<String> create(boolean withPip) {
        return withPip ? List.of(python.toString(), "-m", "venv", target)
                : List.of(python.toString(), "-m", "venv", "--without-pip", target);
    }

    /** The pip run that works on the venv: its own pip, or the system's with --python when it has none. */
    public List<String> install(boolean withPip) {
        List<String> command = new ArrayList<>();
        if (withPip) {
            command.add(venvPip().toString());
        } else {
            command.addAll(systemPip);
            command.add("--python");
            command.add(venv.dir().resolve("bin/python").toString());
        }
        command.addAll(blocked.argsForVenv());
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
