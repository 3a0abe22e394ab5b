package dev.safepip.core;

/**
 * The character classes of Java's regular expressions ({@code \s}, {@code \d}, {@code .}), for the code that matches
 * text by hand on a blocked install's path: on JDK 17 a run's first regex costs milliseconds.
 */
public final class Ascii {
    private Ascii() {
    }

    /** {@code \s}: ASCII whitespace only. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code \d}: ASCII digits only. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the text holds only digits and dots from this index on ({@code [0-9.]*}): pip3.11, python3.12. */
    public static boolean digitsAndDots(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9]}. */
    public static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c);
    }

    /** What {@code .} does not match: the line terminators. */
    public static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Whether the text holds a line terminator, so that a {@code .*} over it cannot match. */
    public static boolean hasLineTerminator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLineTerminator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The first index at or after from that is not {@code \s}. */
    public static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Whether text ends with suffix (lower-case ASCII), ASCII letters compared without case, as {@code (?i)}. */
    public static boolean endsWithIgnoringCase(String text, String suffix) {
        int start = text.length() - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = text.charAt(start + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with every control character, DEL, C1 control and bidi override written out ({@code \xNN}, or a
     * backslash, u and four hex digits): an error that quotes a value the user gave shows what is there. Cleaning
     * would remove an escape sequence whole and leave a value that looks valid ("via = 'venv': must be one of …").
     */
    public static String visible(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069;
            if (hidden && shown == null) {
                shown = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (shown != null) {
                if (!hidden) {
                    shown.append(c);
                } else if (c <= 0xFF) {
                    shown.append("\\x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                } else {
                    shown.append("\\u").append(Integer.toHexString(c));
                }
            }
        }
        return shown == null ? text : shown.toString();
    }

    private static final String HEX = "0123456789abcdef";
}
