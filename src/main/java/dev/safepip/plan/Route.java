package dev.safepip.plan;

import java.util.List;

/** One way to do what PEP 668 blocked, able to say before it runs anything exactly what it would run. */
public sealed interface Route permits VenvRoute, PipxRoute, SystemRoute, BreakRoute {

    RouteKind kind();

    /** What it does, in a few words ("into a virtual environment"). */
    String title();

    /** Where things go, for the user ("~/.local/share/safepip/venv"). */
    String where();

    /** The exact commands, each an argv. */
    List<List<String>> commands();

    /**
     * A command run before {@link #commands()} that only asks and changes nothing (apt's `apt-get -s`, what apt
     * would do); a run stops there when the answer needs the user. Empty for most routes.
     */
    default List<String> question() {
        return List.of();
    }

    /** Why it cannot work here, or null when it can. */
    String unavailable();

    default boolean available() {
        return unavailable() == null;
    }

    /** Only the break route: it can break the system's own tools. */
    default boolean dangerous() {
        return false;
    }
}
