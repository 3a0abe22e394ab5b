package dev.safepip.plan;

import java.util.List;

/**
 * A blocked uninstall, decided before anything runs: for each package the ledger knows, the place it is removed
 * from and the exact command ({@link UninstallStep}); the other recorded copies that stay; the names safepip has no
 * record of. `--plan` prints it and the executor runs it, so both show the same commands.
 *
 * @param plan    the blocked command's plan: the situation and the command
 * @param others  copies recorded elsewhere, which this uninstall leaves
 * @param unknown normalized names the ledger does not know (explained, never removed)
 * @param steps   one per place, in the order the requirements were given
 */
public record UninstallPlan(Plan plan, List<OtherCopy> others, List<String> unknown, List<UninstallStep> steps) {

    /** A copy of a requirement recorded in a second place: another copy is the one removed, this one stays. */
    public record OtherCopy(String requirement, String route, String location) {
    }

    public UninstallPlan {
        others = List.copyOf(others);
        unknown = List.copyOf(unknown);
        steps = List.copyOf(steps);
    }
}
