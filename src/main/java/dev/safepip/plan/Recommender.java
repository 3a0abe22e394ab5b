package dev.safepip.plan;

import java.util.List;

/**
 * Picks the route to recommend: the venv route, for the reason its folder was chosen. Never the break route.
 */
public final class Recommender {
    private Recommender() {
    }

    public static Recommendation recommend(List<Route> routes) {
        for (Route route : routes) {
            if (route instanceof VenvRoute venv) {
                return new Recommendation(venv, venv.venv().rule());
            }
        }
        for (Route route : routes) {
            if (route.available() && !route.dangerous()) {
                return new Recommendation(route, "the only safe way here");
            }
        }
        return null;
    }
}
