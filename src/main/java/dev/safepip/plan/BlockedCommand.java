package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import dev.safepip.pip.PipCommandLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The pip command PEP 668 blocked, seen as what it asks for: install or uninstall, which requirements, and the
 * arguments to repeat elsewhere.
 */
public record BlockedCommand(PipCommandLine line, List<Requirement> requirements) {

    public static BlockedCommand of(PipCommandLine line) {
        List<Requirement> requirements = new ArrayList<>();
        for (String positional : line.positionals()) {
            requirements.add(Requirement.parse(positional));
        }
        return new BlockedCommand(line, List.copyOf(requirements));
    }

    public boolean isInstall() {
        return line.isCommand("install");
    }

    /** Requirements that come from files or editable paths, which only pip can install. */
    public boolean hasUnnamedSources() {
        if (line.has("--requirement") || line.has("--editable") || line.has("--constraint")) {
            return true;
        }
        // Loops, not streams: this runs on every blocked install, where a first lambda costs milliseconds.
        for (Requirement requirement : requirements) {
            if (!requirement.named()) {
                return true;
            }
        }
        return false;
    }

    public List<Requirement> named() {
        List<Requirement> named = new ArrayList<>();
        for (Requirement requirement : requirements) {
            if (requirement.named()) {
                named.add(requirement);
            }
        }
        return List.copyOf(named);
    }

    /** Options that cannot apply inside a venv: --python would send pip back to the managed interpreter. */
    private static final List<String> NOT_IN_VENV = List.of("--user", "--break-system-packages", "--python");

    /** pip's arguments for a run inside a virtual environment: everything but what cannot apply there. */
    public List<String> argsForVenv() {
        return line.without(NOT_IN_VENV);
    }

    /** The options argsForVenv leaves out, as the user typed them, for telling the user. */
    public List<String> droppedInVenv() {
        return line.wordsOf(NOT_IN_VENV);
    }

    /** The same pip arguments with --break-system-packages added after the command. */
    public List<String> argsBreakingSystem() {
        List<String> args = new ArrayList<>(line.argv());
        args.add(line.commandIndex() + 1, "--break-system-packages");
        return args;
    }
}
