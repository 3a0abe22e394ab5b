package dev.safepip.plan;

import dev.safepip.pip.Situation;
import java.util.List;

/**
 * Everything about one blocked command that safepip decided before acting: the situation, the command, every way
 * out with its availability, reason and exact commands, and the one it recommends. Built once, by one planner,
 * whatever chooses afterwards (the menu, --via, --yes, the config file, --plan), so that they all see the same.
 *
 * @param recommended the recommended way and why, or null when no safe way can work
 * @param pipAlreadySaid pip printed its refusal itself (safepip learnt of the block from pip's stderr)
 */
public record Plan(Situation situation, BlockedCommand blocked, Facts facts, List<Route> routes,
                   Recommendation recommended, boolean pipAlreadySaid) {

    public Route route(RouteKind kind) {
        for (Route route : routes) {
            if (route.kind() == kind) {
                return route;
            }
        }
        return null;
    }
}
