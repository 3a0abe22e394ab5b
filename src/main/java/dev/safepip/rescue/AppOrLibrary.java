package dev.safepip.rescue;

import dev.safepip.python.ProjectName;

/**
 * Whether a rescued distribution is an application (to pipx) or a library (to the venv). Kept in one small
 * replaceable place: plan/AppDetector's finer rules (issue 11) may take its place.
 */
final class AppOrLibrary {
    private AppOrLibrary() {
    }

    /** An application when one of its console or gui scripts is named after the project; else a library. */
    static Stray.Kind of(Stray stray) {
        for (String entryPoint : stray.entryPoints()) {
            if (ProjectName.normalize(entryPoint).equals(stray.normalized())) {
                return Stray.Kind.APPLICATION;
            }
        }
        return Stray.Kind.LIBRARY;
    }
}
