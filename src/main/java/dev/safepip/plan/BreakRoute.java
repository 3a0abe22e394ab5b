package dev.safepip.plan;

import dev.safepip.pip.PipExecutable;
import java.util.List;

/** The dangerous last resort: the same pip command with --break-system-packages. Never recommended. */
public record BreakRoute(PipExecutable pip, BlockedCommand blocked) implements Route {

    @Override
    public RouteKind kind() {
        return RouteKind.BREAK;
    }

    @Override
    public String title() {
        return "into the system Python anyway (--break-system-packages)";
    }

    @Override
    public String where() {
        return "the system Python, where the distribution's own tools may break";
    }

    @Override
    public List<List<String>> commands() {
        return List.of(pip.argv(blocked.argsBreakingSystem()));
    }

    @Override
    public String unavailable() {
        return null;
    }

    @Override
    public boolean dangerous() {
        return true;
    }
}
