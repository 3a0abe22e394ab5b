package dev.safepip.ui;

import java.util.regex.Pattern;

/**
 * Makes text from files and tools safe to print: terminal escape sequences (colour, cursor moves, title changes,
 * hyperlinks), control characters, bidirectional overrides and very long text cannot reach the terminal.
 */
public final class Sanitizer {
    /** Compiled only for text that needs them: most text is plain, and a first regex costs milliseconds. */
    private static final class Patterns {
        /** CSI … final byte; OSC … BEL or ST; DCS/SOS/PM/APC … ST; any other two-byte escape. */
        static final Pattern ESCAPES = Pattern.compile(
                "\u001B\\[[0-?]*[ -/]*[@-~]?"
                + "|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?"
                + "|\u001B[PX^_][^\u001B]*(\u001B\\\\)?"
                + "|\u001B.?"
                + "|\u009B[0-?]*[ -/]*[@-~]?");
        /** C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that reorder what is shown. */
        static final Pattern CONTROLS = Pattern.compile(
                "[\\x00-\\x08\\x0B-\\x1F\\x7F\\x80-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    }

    private Sanitizer() {
    }

    public static String clean(String text) {
        if (plain(text)) {
            // Most text has nothing to remove: no regex for it (where prints thousands of fields).
            return text;
        }
        String noEscapes = Patterns.ESCAPES.matcher(text).replaceAll("");
        return Patterns.CONTROLS.matcher(noEscapes.replace("\r\n", "\n")).replaceAll("");
    }

    /** No escape, control, C1 or bidi character: what clean would return unchanged. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069) {
                return false;
            }
        }
        return true;
    }

    /** Cleans, then keeps at most maxLines lines of at most maxChars characters in all, saying what was cut. */
    public static String cleanAndCut(String text, int maxLines, int maxChars) {
        String clean = clean(text).strip();
        String[] lines = clean.split("\n", -1);
        StringBuilder kept = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            if (shown == maxLines || kept.length() + line.length() > maxChars) {
                break;
            }
            kept.append(shown == 0 ? "" : "\n").append(line);
            shown++;
        }
        if (shown == 0 && lines.length > 0) {
            kept.append(lines[0], 0, Math.min(lines[0].length(), maxChars));
            shown = 1;
        }
        if (shown < lines.length || kept.length() < clean.length() && shown == lines.length) {
            int cut = lines.length - shown;
            kept.append("\n… (").append(cut > 0 ? cut + " more lines" : "the rest").append(" cut)");
        }
        return kept.toString();
    }
}
