package dev.safepip.rescue;

import dev.safepip.pip.Requirement;
import dev.safepip.system.Apt;
import dev.safepip.system.SystemPackage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each stray shadows: the distribution's own copy of the same project, installed (found beside it on the
 * search path) or offered by apt (its candidate version, from apt's lists, by one apt-cache call for all).
 */
final class Shadows {
    /** The Debian side of one project: the package, the version installed (or null) and apt's candidate. */
    record Shadow(String packageName, String installed, Path installedAt, String candidate) {
        /** "shadows" only for a copy that is there: one that apt merely offers is not shadowed by anything. */
        String label() {
            return installed != null ? "shadows:   " : "apt has:   ";
        }

        String describe() {
            StringBuilder text = new StringBuilder(packageName == null ? "the distribution's copy" : packageName);
            if (installed != null) {
                text.append(" ").append(installed).append(" (installed, ").append(installedAt.getParent())
                        .append(")");
            }
            if (candidate != null) {
                text.append(installed != null ? "; apt offers " : " ").append(candidate)
                        .append(installed != null ? "" : " (not installed)");
            }
            return text.toString();
        }
    }

    private Shadows() {
    }

    /** By normalized name; only projects the distribution has or offers. */
    static Map<String, Shadow> of(List<Stray> strays, StrayFinder.Found found, Path aptCache,
                                  Map<String, String> env, Path python) {
        Map<String, SystemPackage> offered = new HashMap<>();
        if (aptCache != null && !strays.isEmpty()) {
            List<Requirement> requirements = new ArrayList<>();
            strays.forEach(s -> requirements.add(Requirement.parse(s.normalized())));
            try {
                for (SystemPackage pkg : new Apt(aptCache, env).resolve(requirements, python)) {
                    if (pkg.name() != null && pkg.packageName() != null && pkg.version() != null) {
                        offered.put(pkg.name(), pkg);
                    }
                }
            } catch (RuntimeException e) {
                // apt's answer is a nicety of the listing: without it the installed copies still show.
            }
        }
        Map<String, Shadow> shadows = new HashMap<>();
        for (Stray stray : strays) {
            StrayFinder.Owned own = found.distributions().get(stray.normalized());
            SystemPackage pkg = offered.get(stray.normalized());
            if (pkg == null) {
                pkg = offered.get(stray.name());
            }
            if (own == null && pkg == null) {
                continue;
            }
            shadows.put(stray.normalized(), new Shadow(pkg == null ? null : pkg.packageName(),
                    own == null ? null : own.version(), own == null ? null : own.distInfo(),
                    pkg == null ? null : pkg.version()));
        }
        return shadows;
    }
}
