package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.Ownership;
import dev.safepip.core.StateFiles;
import dev.safepip.core.World;
import dev.safepip.shell.ShellProfile;
import dev.safepip.shell.ShellInit;
import dev.safepip.ui.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The one line that puts safepip's commands on PATH in every new shell (`safepip init SHELL --path`), said after an
 * install left commands off PATH; and, when the user's pip went through safepip's shell functions (they pass
 * SAFEPIP_INIT, their shell's name) on a terminal, one question: add --path to the profile line they already
 * have? Only a yes changes the file ({@link ShellProfile#addPath}); a no is remembered in safepip's state folder, and
 * that profile is never asked about again.
 */
final class ProfileOffer {
    /** The profiles the user said no for, one absolute path a line. */
    static final String DECLINED = "profile-declined";

    private final World world;
    private final Console console;
    private final Path stateDir;
    private final boolean assumeYes;

    ProfileOffer(World world, Console console, Path stateDir, boolean assumeYes) {
        this.world = world;
        this.console = console;
        this.stateDir = stateDir;
        this.assumeYes = assumeYes;
    }

    /** The shell the shell functions said, else the login shell's name when safepip knows it, else bash. */
    String shell() {
        String init = world.getenv("SAFEPIP_INIT");
        if (init != null && ShellInit.SHELLS.contains(init)) {
            return init;
        }
        String login = world.getenv("SHELL");
        String name = login == null ? "" : login.substring(login.lastIndexOf('/') + 1);
        return ShellInit.SHELLS.contains(name) ? name : "bash";
    }

    /** Whether safepip runs from its shell functions, so that the user has a profile line loading them. */
    boolean functionsActive() {
        String init = world.getenv("SAFEPIP_INIT");
        return init != null && ShellInit.SHELLS.contains(init);
    }

    /**
     * Says (or, on a yes, does) what puts the commands on PATH from the next shell on.
     *
     * @param what "them" or "flake8": what the new shells will find
     */
    void offer(String what) {
        String shell = shell();
        Path home = world.ownHome();
        ShellProfile.Found found = ShellProfile.find(home, world.env(), shell);
        String line = ShellProfile.initLine(shell, true);
        if (found == null) {
            console.say("safepip: to find " + what + " in every new shell, add this line to "
                    + ShellProfile.usual(home, world.env(), shell) + ": " + line);
            return;
        }
        if (found.hasPath()) {
            console.say("safepip: " + found.file() + " already puts " + what + " on PATH (" + found.line()
                    + "): open a new shell, or run that line in this one.");
            return;
        }
        String adding = "add --path to the safepip line in " + found.file() + ": " + found.lineWithPath();
        String why = ShellProfile.writeProblem(found.file(), Ownership.ofThisProcess());
        if (!functionsActive() || !world.tty().in() || assumeYes || found.lines() != 1 || why != null
                || declined(found.file())) {
            if (why != null && functionsActive()) {
                console.say("safepip: safepip will not change " + found.file() + ": " + why + ".");
            }
            console.say("safepip: to find " + what + " in every new shell, " + adding);
            return;
        }
        if (!ask("Add --path to the safepip line in " + found.file() + ", so that new shells find " + what
                + "? [y/N] ")) {
            remember(found.file());
            console.say("safepip: " + found.file() + " left as it is; safepip will not ask again. To do it "
                    + "yourself, " + adding);
            return;
        }
        try {
            ShellProfile.addPath(found, Ownership.ofThisProcess());
        } catch (StateFiles.Refused e) {
            console.say("safepip: " + e.getMessage() + "; " + e.fix() + ".");
            return;
        } catch (IOException e) {
            console.say("safepip: could not change " + found.file() + " (" + e.getMessage() + "); " + adding);
            return;
        }
        console.say("safepip: " + found.file() + " now reads: " + found.lineWithPath() + ". New shells find "
                + what + "; in this one, run that line.");
    }

    private boolean ask(String question) {
        console.prompt(question);
        try {
            String answer = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean declined(Path profile) {
        try {
            List<String> lines = BoundedFile.lines(stateDir.resolve(DECLINED), 1 << 20);
            return lines.contains(profile.toAbsolutePath().toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Written whole and renamed into place, in safepip's checked state folder. A path with a newline is not kept. */
    private void remember(Path profile) {
        String entry = profile.toAbsolutePath().toString();
        if (entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
            return;
        }
        Path file = stateDir.resolve(DECLINED);
        try {
            StateFiles files = StateFiles.forThisProcess();
            files.checkFile(file);
            String before = "";
            try {
                before = BoundedFile.text(file, 1 << 20);
            } catch (java.nio.file.NoSuchFileException e) {
                // The first no.
            }
            if (!before.isEmpty() && !before.endsWith("\n")) {
                before += "\n";
            }
            files.writeWhole(file, (before + entry + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            console.say("safepip: note: could not remember that answer in " + file + " (" + e.getMessage() + ")");
        }
    }
}
