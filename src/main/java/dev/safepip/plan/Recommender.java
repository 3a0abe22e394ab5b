package dev.safepip.plan;

import java.util.List;

/**
 * Picks the route to recommend, with its reason in one line: inside a project or with an existing .venv, the venv;
 * every requirement an application, pipx; every requirement a library the system packages at a satisfying
 * version and no project, the system packages when the user prefers them (`prefer = system`), else the venv;
 * anything mixed, the venv. Never the break route.
 */
public final class Recommender {
    private Recommender() {
    }

    /** @param preferSystem the user configured `prefer = system` */
    public static Recommendation recommend(List<Route> routes, boolean preferSystem) {
        VenvRoute venv = find(routes, VenvRoute.class);
        PipxRoute pipx = find(routes, PipxRoute.class);
        SystemRoute system = find(routes, SystemRoute.class);
        if (venv != null && venv.available() && venv.inProject()) {
            return new Recommendation(venv, venv.venv().rule());
        }
        if (pipx != null && pipx.available() && (pipx.inject() != null || pipx.allApps())) {
            return new Recommendation(pipx, pipx.inject() != null ? "you named the application " + pipx.inject()
                    : "command-line " + (pipx.blocked().named().size() == 1 ? "application" : "applications")
                    + ", each in its own environment");
        }
        if (system != null && system.available() && system.checked() && preferSystem) {
            return new Recommendation(system, "prefer = system, and every package is in the system's repository");
        }
        if (venv != null && venv.available()) {
            return new Recommendation(venv, venv.venv().rule());
        }
        for (Route route : routes) {
            // pipx is never "the only safe way" for what is not known to be an application: a library installed
            // with pipx cannot be imported, and a look that failed (under sudo, say) proves nothing.
            if (route instanceof PipxRoute p && !p.allApps()) {
                continue;
            }
            if (route.available() && !route.dangerous()) {
                return new Recommendation(route, "the only safe way here");
            }
        }
        return null;
    }

    private static <T extends Route> T find(List<Route> routes, Class<T> type) {
        for (Route route : routes) {
            if (type.isInstance(route)) {
                return type.cast(route);
            }
        }
        return null;
    }
}
