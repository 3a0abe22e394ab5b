package dev.safepip.run;

/**
 * Which slow look-ups a plan needs, from how the way out will be chosen: whether each requirement is an
 * application (pip's metadata), which versions the system's packages have (apt), and where pipx keeps its apps.
 * A run that can only take the venv route, or only explain, must not wait for the others; one that may take a
 * route always checks what that route needs, whatever chose it.
 */
record Looks(boolean kinds, boolean systemVersions, boolean pipx) {
    static final Looks NONE = new Looks(false, false, false);
    static final Looks ALL = new Looks(true, true, true);

    /** @param plan --plan: it shows every way, so it looks as a run that may take any of them would */
    static Looks forChoice(Chooser.Mode mode, dev.safepip.plan.RouteKind route, boolean plan) {
        return switch (mode) {
            case MENU, YES -> ALL;
            case FAIL, NONE -> plan ? ALL : NONE;
            case OPTION -> switch (route) {
                case PIPX -> new Looks(true, false, true);
                case SYSTEM -> new Looks(false, true, false);
                case VENV, BREAK -> NONE;
            };
        };
    }
}
