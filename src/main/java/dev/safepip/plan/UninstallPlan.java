package dev.safepip.plan;

import dev.safepip.python.ProjectName;
import dev.safepip.system.SystemPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocked uninstall, decided before anything runs: for each package the ledger knows, the place it is removed
 * from and the exact command ({@link UninstallStep}); the other recorded copies that stay; the names safepip has no
 * record of. `--plan` prints it and the executor runs it, so both show the same commands.
 *
 * @param plan    the blocked command's plan: the situation and the command
 * @param others  copies recorded elsewhere, which this uninstall leaves
 * @param unknown the packages the ledger does not know, with who else installed them (explained, never removed)
 * @param steps   one per place, in the order the requirements were given
 * @param skippedLines the line saying how many ledger lines could not be read, or null when none: an unknown name
 *                may be in one of them
 */
public record UninstallPlan(Plan plan, List<OtherCopy> others, List<Unknown> unknown,
                            List<UninstallStep> steps, String skippedLines) {

    /** A copy of a requirement recorded in a second place: another copy is the one removed, this one stays. */
    public record OtherCopy(String requirement, String route, String location) {
    }

    /**
     * A package safepip has no record of, as found when the plan was made.
     *
     * @param name        its normalized name
     * @param distInfo    its .dist-info in this Python's system folders, or null when it is not there
     * @param installer   what its INSTALLER file names, or null
     * @param dpkgAsked   dpkg was there to ask who owns it (a Debian-like system)
     * @param debianOwner the installed Debian package that owns it, or null
     */
    public record Unknown(String name, String distInfo, String installer, boolean dpkgAsked, String debianOwner) {
    }

    public UninstallPlan {
        others = List.copyOf(others);
        unknown = List.copyOf(unknown);
        steps = List.copyOf(steps);
    }

    /**
     * The blocked command's plan as the report after an unknown uninstall shows it: apt's way out names the Debian
     * packages dpkg says own the packages, or is not possible when dpkg names none — Debian's naming rule says
     * nothing of what is installed here. Without dpkg to ask, the plan as it was.
     */
    public Plan forUnknownReport() {
        List<Route> routes = new ArrayList<>();
        Recommendation recommended = plan.recommended();
        for (Route route : plan.routes()) {
            if (!(route instanceof SystemRoute system)) {
                routes.add(route);
                continue;
            }
            SystemRoute owners = ownersOnly(system);
            routes.add(owners);
            // A recommendation of apt follows the packages dpkg named, or goes when apt is no longer possible.
            if (recommended != null && recommended.route() == system) {
                recommended = owners.available() ? new Recommendation(owners, recommended.reason()) : null;
            }
        }
        return new Plan(plan.situation(), plan.blocked(), plan.facts(), routes, recommended, plan.pipAlreadySaid());
    }

    private SystemRoute ownersOnly(SystemRoute system) {
        List<SystemPackage> packages = new ArrayList<>();
        for (SystemPackage offered : system.packages()) {
            Unknown found = unknownNamed(offered.name());
            if (found == null || !found.dpkgAsked()) {
                packages.add(offered);
            } else if (found.debianOwner() != null) {
                packages.add(new SystemPackage(offered.requirement(), offered.name(), found.debianOwner(), null,
                        null));
            } else {
                packages.add(new SystemPackage(offered.requirement(), offered.name(), null, null,
                        "no installed Debian package holds " + found.name()));
            }
        }
        return new SystemRoute(system.blocked(), system.manager(), packages, system.root(), system.assumeYes());
    }

    private Unknown unknownNamed(String name) {
        for (Unknown found : unknown) {
            if (name != null && found.name().equals(ProjectName.normalize(name))) {
                return found;
            }
        }
        return null;
    }
}
