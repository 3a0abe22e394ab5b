package dev.safepip.plan;

import java.util.List;

/**
 * What a requirement turned out to be: an application (its wheel declares console scripts), a library, or
 * unknown (an sdist, a download failure, a path or URL).
 *
 * @param scripts the console scripts an application declares
 */
public record AppKind(Kind kind, List<String> scripts, String why) {

    public enum Kind { APP, LIBRARY, UNKNOWN }

    public static AppKind unknown(String why) {
        return new AppKind(Kind.UNKNOWN, List.of(), why);
    }

    public boolean isApp() {
        return kind == Kind.APP;
    }

    public boolean isLibrary() {
        return kind == Kind.LIBRARY;
    }
}
