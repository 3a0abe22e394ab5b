package dev.safepip.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON with comments, as VS Code's jsonc-parser reads devcontainer.json and settings files: `//` and `/* *&#47;`
 * comments and a trailing comma before `]` or `}` are allowed; the rest is plain JSON. Values come back as
 * {@link LinkedHashMap} (keys in file order, the last of a repeated key wins), {@link ArrayList}, {@link String},
 * {@link Boolean}, {@link Num} and null.
 *
 * <p>Hand-written, with plain loops: the blocked-install path reads through here, and must load no regex. The text is
 * someone else's: nesting is capped (a file of 100,000 `[` would otherwise overflow the stack), and every problem is
 * one {@link Malformed} with its line, never another exception.
 */
public final class Jsonc {
    /** Deeper than any real configuration file; shallow enough for any thread's stack. */
    static final int MAX_DEPTH = 64;

    /** A number, as written: safepip only ever shows it again, so its exact text is what matters. */
    public record Num(String text) {
    }

    /** The text is not JSON with comments; the message names the line. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private Jsonc(String text) {
        this.text = text;
    }

    /** The one value the text holds, comments and a leading byte-order mark aside. */
    public static Object parse(String text) throws Malformed {
        Jsonc reader = new Jsonc(text);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            reader.at = 1;
        }
        Object value = reader.value(0);
        reader.skipBlank();
        if (reader.at < text.length()) {
            throw reader.problem("more after the end of the value");
        }
        return value;
    }

    private Object value(int depth) throws Malformed {
        skipBlank();
        if (at >= text.length()) {
            throw problem("the text ends where a value should be");
        }
        char c = text.charAt(at);
        if (c == '{' || c == '[') {
            if (depth >= MAX_DEPTH) {
                throw problem("nested more than " + MAX_DEPTH + " deep");
            }
            return c == '{' ? object(depth + 1) : array(depth + 1);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        if (word("true")) {
            return Boolean.TRUE;
        }
        if (word("false")) {
            return Boolean.FALSE;
        }
        if (word("null")) {
            return null;
        }
        throw problem("unexpected " + shown(c));
    }

    private Map<String, Object> object(int depth) throws Malformed {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        while (true) {
            skipBlank();
            if (at < text.length() && text.charAt(at) == '}') {
                // Empty, or after a trailing comma: jsonc allows both.
                at++;
                return members;
            }
            if (at >= text.length() || text.charAt(at) != '"') {
                throw problem(at >= text.length() ? "the text ends inside an object" : "a name in quotes expected, "
                        + "not " + shown(text.charAt(at)));
            }
            String name = string();
            skipBlank();
            if (at >= text.length() || text.charAt(at) != ':') {
                throw problem("':' expected after \"" + cut(name) + "\"");
            }
            at++;
            members.put(name, value(depth));
            skipBlank();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
            } else if (at < text.length() && text.charAt(at) == '}') {
                at++;
                return members;
            } else {
                throw problem(at >= text.length() ? "the text ends inside an object" : "',' or '}' expected, not "
                        + shown(text.charAt(at)));
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        List<Object> items = new ArrayList<>();
        at++;
        while (true) {
            skipBlank();
            if (at < text.length() && text.charAt(at) == ']') {
                at++;
                return items;
            }
            items.add(value(depth));
            skipBlank();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
            } else if (at < text.length() && text.charAt(at) == ']') {
                at++;
                return items;
            } else {
                throw problem(at >= text.length() ? "the text ends inside a list" : "',' or ']' expected, not "
                        + shown(text.charAt(at)));
            }
        }
    }

    private String string() throws Malformed {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n' || c == '\r') {
                at--;
                throw problem("a string is not closed on its line");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw problem("unknown escape \\" + shown(e));
            }
        }
        throw problem("the text ends inside a string");
    }

    private char hex4() throws Malformed {
        if (at + 4 > text.length()) {
            throw problem("\\u needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw problem("\\u needs four hex digits");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    /** JSON's number grammar, checked by hand; the text is kept as written. */
    private Num number() throws Malformed {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        if (digits() == 0) {
            throw problem("a number needs digits");
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            if (digits() == 0) {
                throw problem("a number needs digits after '.'");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (digits() == 0) {
                throw problem("a number needs digits in its exponent");
            }
        }
        return new Num(text.substring(start, at));
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private boolean word(String word) {
        if (!text.startsWith(word, at)) {
            return false;
        }
        int end = at + word.length();
        if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return false;
        }
        at = end;
        return true;
    }

    /** Spaces, line ends and both kinds of comment. */
    private void skipBlank() throws Malformed {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                at++;
            } else if (c == '/' && text.startsWith("//", at)) {
                while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++;
                }
            } else if (c == '/' && text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) {
                    throw problem("a /* comment is not closed");
                }
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private Malformed problem(String what) {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new Malformed("line " + line + ": " + what);
    }

    /** A character of the file as the message shows it: printable ones quoted, others by code, never raw. */
    private static String shown(char c) {
        if (c > ' ' && c < 0x7F) {
            return "'" + c + "'";
        }
        String hex = Integer.toHexString(c);
        return "U+" + "0000".substring(Math.min(4, hex.length())) + hex.toUpperCase(java.util.Locale.ROOT);
    }

    /** A name from the file in a message: short, and printable ASCII only. */
    private static String cut(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 40; i++) {
            char c = name.charAt(i);
            out.append(c >= ' ' && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
