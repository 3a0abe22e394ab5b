package dev.safepip.plan;

import java.util.List;

/**
 * What a requirement turned out to be, and the one signal that decided it: an application (pipx is right), a
 * library (a venv), a library that also ships commands (a venv; pipx only for someone who just wants the commands),
 * or unknown (the look was impossible: an sdist, a path, an unreachable index).
 *
 * @param scripts the commands it installs: console_scripts, gui_scripts and files under .data/scripts/
 * @param why     the signal that decided, in words for the user ("Debian packages it as python3-numpy")
 */
public record AppKind(Kind kind, List<String> scripts, String why) {

    public enum Kind { APPLICATION, LIBRARY, LIBRARY_WITH_COMMANDS, UNKNOWN }

    public static AppKind unknown(String why) {
        return new AppKind(Kind.UNKNOWN, List.of(), why);
    }

    public boolean isApp() {
        return kind == Kind.APPLICATION;
    }

    /** A library with no commands at all: pipx has nothing to install for it. */
    public boolean isLibrary() {
        return kind == Kind.LIBRARY;
    }

    public boolean isLibraryWithCommands() {
        return kind == Kind.LIBRARY_WITH_COMMANDS;
    }

    /** "an application", "a library that also ships commands", … for one line to the user. */
    public String noun() {
        return switch (kind) {
            case APPLICATION -> "an application";
            case LIBRARY -> "a library";
            case LIBRARY_WITH_COMMANDS -> "a library that also ships commands";
            case UNKNOWN -> "not known";
        };
    }
}
