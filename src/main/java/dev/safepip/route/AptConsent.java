package dev.safepip.route;

import dev.safepip.core.SafepipException;
import dev.safepip.core.ShellQuote;
import dev.safepip.core.World;
import dev.safepip.system.Apt;
import dev.safepip.system.AptSimulation;
import dev.safepip.ui.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one question before apt runs with -y: apt is first asked what it would do (`apt-get -s`), and every package
 * it would remove that the user did not name is listed. Those removals are what harms: `apt-get remove python3-six`
 * also removes software-properties-common, `apt-get install sysvinit-core` removes systemd-sysv. With extra removals
 * only an answer on a terminal goes on; --yes or no terminal refuses (exit 69) and prints the command, for the user
 * to run and judge with apt's own question.
 */
final class AptConsent {
    private final World world;
    private final Console console;
    private final boolean assumeYes;

    AptConsent(World world, Console console, boolean assumeYes) {
        this.world = world;
        this.console = console;
        this.assumeYes = assumeYes;
    }

    /**
     * @param verb        install or remove
     * @param packages    the Debian packages the command names
     * @param command     the command that would run (shown, and printed when refused)
     * @param alwaysAsk   ask even when apt removes nothing else (an uninstall: removing system packages is never
     *                    done without a yes); --yes is that yes
     * @return whether to run it; false when the user said no
     * @throws SafepipException (69) when apt cannot say, or would remove more without a yes on a terminal
     */
    boolean allows(Apt apt, String verb, List<String> packages, List<String> command, boolean alwaysAsk)
            throws IOException {
        AptSimulation simulation;
        try {
            simulation = apt.simulate(verb, packages);
        } catch (IOException e) {
            console.say("safepip: not run; the command was:");
            console.command(ShellQuote.line(command));
            throw SafepipException.unavailable("apt could not say what " + String.join(" ", command) + " would do: "
                    + e.getMessage(), "run apt-get -s " + verb + " " + String.join(" ", packages) + " to see why");
        }
        return allows(simulation, verb.equals("remove") ? packages : List.of(), command, alwaysAsk);
    }

    /**
     * @param named the packages the user means to remove (none for an install: every removal is beyond them)
     */
    boolean allows(AptSimulation simulation, List<String> named, List<String> command, boolean alwaysAsk)
            throws IOException {
        return allows(simulation.removedBeyond(named), command, alwaysAsk);
    }

    /**
     * @param extra what apt said it would remove beyond the packages named (planned before: an uninstall's
     *              {@code UninstallStep}); empty for none, or for a package manager that cannot say
     */
    boolean allows(List<String> extra, List<String> command, boolean alwaysAsk) throws IOException {
        if (!extra.isEmpty()) {
            console.say("safepip: apt would also remove " + extra.size() + (extra.size() == 1 ? " package" : " packages")
                    + " you did not name: " + String.join(" ", extra));
            if (assumeYes || !world.tty().in()) {
                console.say("safepip: not run: removing packages you did not name needs your answer on a terminal, "
                        + "not --yes; to run it yourself:");
                console.command(ShellQuote.line(command));
                throw SafepipException.unavailable("apt would also remove " + String.join(", ", extra),
                        "check that list, then run the command above yourself");
            }
            return ask("Run " + ShellQuote.line(command) + ", removing them too? [y/N] ");
        }
        if (alwaysAsk && !assumeYes) {
            if (!world.tty().in()) {
                return false;
            }
            return ask("Run " + ShellQuote.line(command) + "? [y/N] ");
        }
        return true;
    }

    private boolean ask(String question) throws IOException {
        console.prompt(question);
        String answer = new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
