package dev.safepip.route;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.ShellQuote;
import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import dev.safepip.python.DistCommands;
import dev.safepip.python.DistInfo;
import dev.safepip.shell.OnPath;
import dev.safepip.ui.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * After an install: whether the shell will find the commands it made. Nothing is said of a command the shell runs
 * already; else each command's full path, and once the one line that puts them on PATH: for the default venv and
 * pipx, `safepip init SHELL --path` in the profile (offered as a change to the user's own line, see
 * {@link ProfileOffer}), or pipx's own `pipx ensurepath` when safepip's functions are not in use; for a project's
 * venv, activating it, as uv and venv users do. The system package manager's commands land in /usr/bin: nothing to
 * say. Plain loops: this runs on the install path.
 */
final class CommandReach {
    private final World world;
    private final Console console;
    private final ProfileOffer offer;

    CommandReach(World world, Console console, Path stateDir, boolean assumeYes) {
        this.world = world;
        this.console = console;
        this.offer = new ProfileOffer(world, console, stateDir, assumeYes);
    }

    /** The commands the named projects put in this venv's bin, each the file the shell would have to find. */
    static List<Path> venvCommands(Path venv, List<String> projects) {
        List<Path> commands = new ArrayList<>();
        List<Path> siteDirs = DistInfo.venvSiteDirs(venv);
        for (String project : projects) {
            Path distInfo = DistInfo.find(siteDirs, DistInfo.normalize(project));
            if (distInfo == null) {
                continue;
            }
            for (String name : DistCommands.of(distInfo)) {
                Path file = venv.resolve("bin").resolve(name);
                if (Files.isRegularFile(file) && Files.isExecutable(file) && !commands.contains(file)) {
                    commands.add(file);
                }
            }
        }
        return commands;
    }

    /**
     * After the venv route. The default venv's commands are reached through safepip's links (init --path); any
     * other venv's once it is active.
     *
     * @param activation the command that activates the venv
     * @return whether anything was said (else the caller's usual line about the venv stands alone)
     */
    boolean afterVenv(Path venv, List<String> projects, String activation) {
        List<Path> commands = venvCommands(venv, projects);
        if (commands.isEmpty()) {
            return false;
        }
        SearchPath path = new SearchPath(world.getenv("PATH"));
        boolean isDefault = venv.toAbsolutePath().normalize().equals(
                new SafepipPaths(world).defaultVenv().toAbsolutePath().normalize());
        if (!isDefault) {
            List<String> away = new ArrayList<>();
            for (Path file : commands) {
                if (OnPath.check(file.getFileName().toString(), file, path).state() != OnPath.State.ON_PATH) {
                    away.add(file.getFileName().toString());
                }
            }
            if (away.isEmpty()) {
                return false;
            }
            // One line: activate (then the names work), or the full path (one command) or the folder (several).
            console.say("safepip: use it with `" + activation + "`, then " + String.join(", ", away)
                    + (away.size() == 1 ? " is on PATH; or run " + venv.resolve("bin").resolve(away.get(0))
                    : " are on PATH; or run them from " + venv.resolve("bin") + "/") + " directly.");
            return true;
        }
        Path links = CommandLinks.of(world).folder();
        List<OnPath> checked = new ArrayList<>();
        for (Path file : commands) {
            String name = file.getFileName().toString();
            Path link = links.resolve(name);
            // Shown where init --path puts it: the link, when it is ours and leads to this command.
            Path shown = Files.isSymbolicLink(link) && Files.exists(link) && sameFile(link, file) ? link : file;
            checked.add(OnPath.check(name, shown, path));
        }
        return tell(checked, links, false);
    }

    /** After pipx installed applications: their commands in pipx's bin folder. */
    void afterPipx(PipxEnvironment pipx, List<String> apps) {
        SearchPath path = new SearchPath(world.getenv("PATH"));
        List<OnPath> checked = new ArrayList<>();
        for (String app : apps) {
            Path venv = pipx.venv(DistInfo.normalize(app));
            for (Path file : venvCommands(venv, List.of(app))) {
                Path exposed = pipx.bin().resolve(file.getFileName());
                if (Files.exists(exposed)) {
                    checked.add(OnPath.check(file.getFileName().toString(), exposed, path));
                }
            }
        }
        if (checked.isEmpty()) {
            return;
        }
        // pipx's folder comes on PATH with init --path only when it is the folder init --path names.
        boolean initCovers = pipx.bin().toAbsolutePath().normalize().equals(
                CommandLinks.pipxBin(world).toAbsolutePath().normalize());
        tell(checked, pipx.bin(), !(initCovers && offer.functionsActive()));
    }

    /**
     * The commands the shell will not run as installed: full paths first, then once what to do.
     *
     * @param pipxWay say `pipx ensurepath` rather than safepip's init line
     */
    private boolean tell(List<OnPath> checked, Path folder, boolean pipxWay) {
        List<String> away = new ArrayList<>();
        for (OnPath command : checked) {
            if (command.state() == OnPath.State.SHADOWED) {
                console.say("safepip: " + command.name() + " is " + command.file() + ", but your shell runs "
                        + command.first() + " (earlier on PATH); run it by its full path, or `hash -r` if you "
                        + "just changed PATH.");
            } else if (command.state() == OnPath.State.NOT_ON_PATH) {
                away.add(command.file().toString());
            }
        }
        if (away.isEmpty()) {
            return !allOn(checked);
        }
        console.say("safepip: " + (away.size() == 1 ? nameOf(away.get(0)) + " is" : "these commands are") + " not on your PATH: " + String.join(" ", away));
        if (pipxWay) {
            console.say("safepip: " + folder + " is not on your PATH: run `pipx ensurepath`, then open a new shell"
                    + " (or run " + ShellQuote.word(away.get(0)) + " by its full path).");
        } else {
            offer.offer(away.size() == 1 ? nameOf(away.get(0)) : "them");
        }
        return true;
    }

    private static boolean allOn(List<OnPath> checked) {
        for (OnPath command : checked) {
            if (command.state() != OnPath.State.ON_PATH) {
                return false;
            }
        }
        return true;
    }

    private static String nameOf(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
