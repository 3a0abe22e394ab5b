package dev.safepip.ui;

import dev.safepip.core.Jsonc;
import dev.safepip.system.DevContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to tell someone blocked inside a dev container, for the blocked report and for doctor alike: what this is
 * (and the cause, when the file asks for the distribution's Python), the way for now, and for good the exact lines
 * for devcontainer.json, after which the container must be rebuilt. safepip never edits that file.
 *
 * <p>Everything shown from the file is data: the feature id passed {@link DevContainer#isPythonFeature}'s character
 * check, and every option is written back as JSON with control, C1 and bidi characters escaped, so it can neither
 * move the cursor nor reorder what is shown.
 *
 * @param situation  "This is a dev container (…)", with the cause when there is one
 * @param problem    why the file could not be used, one line, or null
 * @param forGood    where the lines go, and the rebuild
 * @param fileLines  the JSON to put in the file, as lines
 */
public record DevContainerAdvice(String situation, String problem, String forGood, List<String> fileLines) {
    static final String FEATURE = "ghcr.io/devcontainers/features/python:1";
    /** Past this, the file's own options are too many to copy back on one line: the version alone is shown. */
    private static final int MAX_LINE = 240;

    /**
     * @param pythonVersion the blocked interpreter's version ("3.11"), or null when not known
     */
    public static DevContainerAdvice of(DevContainer container, String pythonVersion) {
        String version = majorMinor(pythonVersion);
        String file = container.file() == null ? null : container.file().toString();
        // The file is named once: in the cause when there is one, else here.
        StringBuilder situation = new StringBuilder(container.signal() != null
                ? "This is a dev container (" + container.signal() + ")"
                : container.osProvided() ? "This project has a dev container"
                : "This project has a dev container (" + file + ")");
        if (container.osProvided()) {
            situation.append(container.feature().version() == null
                    ? ": its Python is the distribution's, because " + file + " gives the Python feature no version,"
                    + " and the feature's default is \"os-provided\"."
                    : ": its Python is the distribution's, because " + file
                    + " asks the Python feature for \"version\": \"os-provided\".");
        } else {
            situation.append('.');
        }
        String problem = container.problem() == null ? null : file + " " + container.problem() + ".";
        List<String> lines = new ArrayList<>();
        String where;
        if (container.feature() != null) {
            where = "in " + file + ", give the Python feature a version of its own";
            lines.add(featureLine(container.feature().id(), container.feature().options(), version));
        } else if (container.hasFeatures()) {
            where = "in " + file + ", add the Python feature to \"features\"";
            lines.add(quoted(FEATURE) + ": { \"version\": " + quoted(version) + " }");
        } else {
            where = "in " + (file != null ? file : "the project's .devcontainer/devcontainer.json")
                    + ", use the Python feature with a version of its own";
            lines.add("\"features\": {");
            lines.add("  " + quoted(FEATURE) + ": { \"version\": " + quoted(version) + " }");
            lines.add("}");
        }
        return new DevContainerAdvice(situation.toString(), problem, where + ", then rebuild the container (safepip "
                + "never edits the file)", lines);
    }

    /**
     * "3.11" of "3.11.2". Unknown: "latest", a version the feature takes and never the distribution's Python, so
     * the lines still do what they are for.
     */
    static String majorMinor(String version) {
        if (version == null || version.isEmpty()) {
            return "latest";
        }
        int first = version.indexOf('.');
        int second = first < 0 ? -1 : version.indexOf('.', first + 1);
        return second < 0 ? version : version.substring(0, second);
    }

    /** The file's own feature entry with only its version changed (or added first), on one line. */
    static String featureLine(String id, Map<String, Object> options, String version) {
        StringBuilder line = new StringBuilder(quoted(id)).append(": { ");
        boolean first = true;
        if (!options.containsKey("version")) {
            line.append("\"version\": ").append(quoted(version));
            first = false;
        }
        for (Map.Entry<String, Object> option : options.entrySet()) {
            line.append(first ? "" : ", ").append(quoted(option.getKey())).append(": ");
            line.append(option.getKey().equals("version") ? quoted(version) : json(option.getValue()));
            first = false;
        }
        line.append(" }");
        if (line.length() > MAX_LINE) {
            return quoted(id) + ": { \"version\": " + quoted(version) + " }   (and its other options as they are)";
        }
        return line.toString();
    }

    /** A value from the file written back as JSON. */
    static String json(Object value) {
        if (value instanceof String text) {
            return quoted(text);
        }
        if (value instanceof Jsonc.Num number) {
            return number.text();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{ ");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ").append(quoted(String.valueOf(entry.getKey()))).append(": ")
                        .append(json(entry.getValue()));
                first = false;
            }
            return out.append(first ? "}" : " }").toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(json(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** A JSON string; what a terminal would act on (controls, C1, bidi overrides, line separators) escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0000", 0, 4 - hex.length()).append(hex);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
