package dev.safepip.plan;

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
        return line.has("--requirement") || line.has("--editable") || line.has("--constraint")
                || requirements.stream().anyMatch(r -> !r.named());
    }

    public List<Requirement> named() {
        return requirements.stream().filter(Requirement::named).toList();
    }

    /**
     * pip's arguments for a run inside a virtual environment: everything kept except what cannot apply there,
     * which the caller names to the user.
     */
    public List<String> argsForVenv() {
        List<String> args = new ArrayList<>();
        List<String> argv = line.argv();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (dropsInVenv(arg)) {
                continue;
            }
            args.add(arg);
        }
        return args;
    }

    /** The options argsForVenv leaves out, as the user typed them. */
    public List<String> droppedInVenv() {
        return line.argv().stream().filter(BlockedCommand::dropsInVenv).toList();
    }

    private static boolean dropsInVenv(String arg) {
        return arg.equals("--user") || arg.equals("--break-system-packages");
    }

    /** The same pip arguments with --break-system-packages added after the command. */
    public List<String> argsBreakingSystem() {
        List<String> args = new ArrayList<>(line.argv());
        int command = args.indexOf(line.command());
        args.add(command + 1, "--break-system-packages");
        return args;
    }
}
