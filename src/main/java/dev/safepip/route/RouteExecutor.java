package dev.safepip.route;

import dev.safepip.plan.Plan;
import dev.safepip.plan.Route;
import java.io.IOException;

/** Carries out one kind of way out: runs exactly the commands the route shows, records them, says what happened. */
public interface RouteExecutor {
    /** @return the exit code of the run: 0 only when what was asked is done */
    int run(Route route, Plan plan) throws IOException;
}
