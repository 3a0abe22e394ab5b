package dev.safepip.plan;

import java.util.List;

/**
 * One place an uninstall acts on, as decided before anything runs: where the ledger says safepip put the packages,
 * what was checked there, the exact argv that removes them and what a run needs first. An executor runs
 * {@link #command()} as it is; it checks the place again (ownership) but chooses no argument.
 *
 * @param route        the route word the ledger recorded ("venv", "pipx", "apt"; see {@link RouteKind})
 * @param location     where: the venv, pipx's home, "system"
 * @param requirements the requirements as the user wrote them, removed from this place
 * @param names        their normalized names, as the ledger records them
 * @param problem      why the record is not acted on (the place is not what the record says), or null
 * @param command      the removal's argv; empty when {@code problem} is set
 * @param checkedWith  the command that was asked while planning and changed nothing (apt's `apt-get -s remove`),
 *                     or empty
 * @param removes      the system packages the command names (apt), or empty
 * @param alsoRemoves  what apt said it would remove beyond {@code removes}: only an answer on a terminal lets those
 *                     go; empty when nothing more, or not asked
 */
public record UninstallStep(String route, String location, List<String> requirements, List<String> names,
                            String problem, List<String> command, List<String> checkedWith, List<String> removes,
                            List<String> alsoRemoves) {

    /** The consent a run needs before the command. */
    public enum Consent {
        /** None: a venv's or pipx's own copy. */
        NONE,
        /** System packages: --yes, or a yes on a terminal. */
        YES,
        /** apt would remove packages nobody named: only a yes on a terminal, never --yes. */
        TERMINAL
    }

    public UninstallStep {
        requirements = List.copyOf(requirements);
        names = List.copyOf(names);
        command = List.copyOf(command);
        checkedWith = List.copyOf(checkedWith);
        removes = List.copyOf(removes);
        alsoRemoves = List.copyOf(alsoRemoves);
    }

    /** A record whose place failed its check: said, and never acted on. */
    public static UninstallStep skipped(String route, String location, List<String> requirements, List<String> names,
                                        String problem) {
        return new UninstallStep(route, location, requirements, names, problem, List.of(), List.of(), List.of(),
                List.of());
    }

    /** The kind of the recorded route, or null for a word safepip does not know. */
    public RouteKind kind() {
        return RouteKind.of(route);
    }

    public boolean runs() {
        return problem == null;
    }

    public Consent consent() {
        if (kind() != RouteKind.SYSTEM) {
            return Consent.NONE;
        }
        return alsoRemoves.isEmpty() ? Consent.YES : Consent.TERMINAL;
    }

    /** The requirements, for a line of text ("six, requests"). */
    public String what() {
        return String.join(", ", requirements);
    }
}
