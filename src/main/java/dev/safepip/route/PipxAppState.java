package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.python.DistInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What pipx holds of one application: nothing, a whole environment, or one left half-made — and why. pipx writes
 * its `pipx_metadata.json` only after pip has installed the package, so an environment without it (or with it cut
 * short), or without the package's dist-info, is one that a pipx run did not finish. pipx itself calls any non-empty
 * folder "already installed" and changes nothing, so only safepip's look tells the two apart.
 *
 * @param why what is missing, for a half-made one; else null
 */
public record PipxAppState(Kind kind, String why, Path distInfo) {
    /** pipx's own record of an environment (every pipx since 0.15 writes it). */
    static final String METADATA = "pipx_metadata.json";
    /** pipx's metadata is a few KB; an application with many injected packages stays far below this. */
    private static final int MOST_METADATA = 4 << 20;

    public enum Kind {
        /** No folder, or an empty one (pipx too takes an empty folder for none). */
        ABSENT,
        /** pipx's metadata whole and the package installed. */
        WHOLE,
        /** Started and not finished: `why` says what is missing. */
        HALF_MADE
    }

    /**
     * @param venv           pipx's environment of the application (PIPX_HOME/venvs/NAME)
     * @param normalizedName the application's project, whose dist-info must be there
     */
    public static PipxAppState of(Path venv, String normalizedName) {
        String[] entries = venv.toFile().list();
        if (entries == null || entries.length == 0) {
            return new PipxAppState(Kind.ABSENT, null, null);
        }
        String metadata = metadataProblem(venv.resolve(METADATA));
        if (metadata != null) {
            return new PipxAppState(Kind.HALF_MADE, metadata, null);
        }
        Path distInfo = DistInfo.find(DistInfo.venvSiteDirs(venv), normalizedName);
        if (distInfo == null) {
            return new PipxAppState(Kind.HALF_MADE, normalizedName + " is not installed in it", null);
        }
        return new PipxAppState(Kind.WHOLE, null, distInfo);
    }

    public boolean whole() {
        return kind == Kind.WHOLE;
    }

    /** Why pipx's metadata file is not whole, or null when it is. */
    private static String metadataProblem(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, MOST_METADATA);
        } catch (IOException e) {
            return "it has no " + METADATA;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > MOST_METADATA || !completeObject(text) || !text.contains("\"main_package\"")) {
            return "its " + METADATA + " is cut short";
        }
        return null;
    }

    /**
     * Whether text is one JSON object closed at its end: pipx writes the file in place, so a run killed while
     * writing leaves an object that is still open, or a string cut in two. Braces and brackets are counted outside
     * strings, by hand (no JSON parser among safepip's dependencies, and nothing more is needed to tell cut short).
     */
    static boolean completeObject(String text) {
        String body = text.strip();
        if (body.isEmpty() || body.charAt(0) != '{') {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth < 0 || (depth == 0 && i != body.length() - 1)) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }
}
