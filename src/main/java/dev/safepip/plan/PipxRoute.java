package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import dev.safepip.core.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs each application with pipx, one `pipx install` per package (Debian 12's pipx 1.1.0 takes one at a time),
 * under the interpreter that owns the blocked pip and with the user's index options; or, with an application
 * named, adds libraries to that application's environment with `pipx inject`. Only flags pipx 1.1.0 has (and every
 * later pipx keeps). What pip would do to an installed package, pipx must do too: `--upgrade` of an installed app is
 * `pipx upgrade`, and a version asked of an installed app is `pipx install --force` (plain `pipx install` would say
 * "already installed" and change nothing).
 *
 * @param pipx      the pipx to run (after bootstrap, when pipx is not installed yet)
 * @param bootstrap the commands that install pipx first, with the user's consent; empty when it is there
 * @param kinds     what each requirement is, by normalized name; empty when not looked at
 * @param inject    the application to inject into, or null
 * @param binDir    where pipx puts commands
 * @param installed the applications pipx has already, by normalized name
 */
public record PipxRoute(BlockedCommand blocked, String pipx, List<List<String>> bootstrap, String python,
                        Map<String, AppKind> kinds, String inject, String binDir, java.util.Set<String> installed)
        implements Route {

    @Override
    public RouteKind kind() {
        return RouteKind.PIPX;
    }

    @Override
    public String title() {
        return inject != null ? "with pipx, into the environment of " + inject
                : "with pipx, for command-line applications" + (bootstrap.isEmpty() ? "" : " (installing pipx first)");
    }

    @Override
    public String where() {
        if (inject != null) {
            return "pipx's environment of " + inject;
        }
        String where = "one environment per application, commands in " + binDir;
        List<String> commands = commandsOfLibraries();
        return commands.isEmpty() ? where : where + "; only if you just want the commands "
                + String.join(", ", commands) + " (the library cannot be imported from there)";
    }

    /** The commands of the requirements that are libraries shipping commands: all pipx would give of them. */
    private List<String> commandsOfLibraries() {
        List<String> commands = new ArrayList<>();
        for (Requirement requirement : blocked.named()) {
            AppKind kind = kinds.get(requirement.normalizedName());
            if (kind != null && kind.isLibraryWithCommands()) {
                commands.addAll(kind.scripts());
            }
        }
        return commands;
    }

    @Override
    public List<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>(bootstrap);
        List<String> pipArgs = blocked.line().wordsOf(AppDetector.SOURCE_OPTIONS);
        if (inject != null) {
            List<String> command = new ArrayList<>(List.of(pipx, "inject"));
            addPipArgs(command, pipArgs);
            command.add(inject);
            blocked.named().forEach(r -> command.add(r.text()));
            commands.add(command);
            return commands;
        }
        for (Requirement requirement : blocked.named()) {
            commands.add(commandFor(requirement, pipArgs, installed.contains(requirement.normalizedName())));
        }
        return commands;
    }

    /**
     * The plain `pipx install` of one requirement: what runs instead of the planned command when safepip had to
     * remove the application's half-made environment first (an upgrade of what is gone is an install).
     */
    public List<String> afresh(Requirement requirement) {
        return commandFor(requirement, blocked.line().wordsOf(AppDetector.SOURCE_OPTIONS), false);
    }

    private List<String> commandFor(Requirement requirement, List<String> pipArgs, boolean there) {
        if (!blocked.isInstall()) {
            return List.of(pipx, "uninstall", requirement.name());
        }
        boolean upgrade = blocked.line().has("--upgrade");
        if (there && upgrade && requirement.specifier().isEmpty()) {
            List<String> command = new ArrayList<>(List.of(pipx, "upgrade"));
            addPipArgs(command, pipArgs);
            command.add(requirement.name());
            return command;
        }
        List<String> command = new ArrayList<>(List.of(pipx, "install"));
        if (there && (upgrade || !requirement.specifier().isEmpty() || blocked.line().has("--force-reinstall"))) {
            command.add("--force");
        }
        command.add("--python");
        command.add(python);
        addPipArgs(command, pipArgs);
        command.add(requirement.text());
        return command;
    }

    /** pipx splits --pip-args like a shell: each word is quoted so it arrives whole. */
    private static void addPipArgs(List<String> command, List<String> pipArgs) {
        if (!pipArgs.isEmpty()) {
            command.add("--pip-args=" + ShellQuote.line(pipArgs));
        }
    }

    @Override
    public String unavailable() {
        if (blocked.hasUnnamedSources()) {
            return "pipx takes packages by name, not requirement files, paths or URLs";
        }
        if (blocked.named().isEmpty()) {
            return "no package named";
        }
        if (inject == null) {
            List<String> libraries = new ArrayList<>();
            for (Requirement requirement : blocked.named()) {
                AppKind kind = kinds.get(requirement.normalizedName());
                if (kind != null && kind.isLibrary()) {
                    libraries.add(requirement.name());
                }
            }
            if (!libraries.isEmpty()) {
                return String.join(", ", libraries) + (libraries.size() == 1 ? " is a library" : " are libraries")
                        + " with no commands: pipx is for applications (add one to an application's environment "
                        + "with --inject=APP)";
            }
        }
        return null;
    }

    /** Every requirement is a known application. */
    public boolean allApps() {
        if (blocked.named().isEmpty() || blocked.hasUnnamedSources()) {
            return false;
        }
        for (Requirement requirement : blocked.named()) {
            AppKind kind = kinds.get(requirement.normalizedName());
            if (kind == null || !kind.isApp()) {
                return false;
            }
        }
        return true;
    }
}
