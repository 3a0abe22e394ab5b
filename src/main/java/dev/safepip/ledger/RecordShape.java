package dev.safepip.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line in the exact shape {@link LedgerRecord#toJson} writes from its bytes: which packages and which place
 * it is about without decoding it, and then, for the few lines that are wanted, the record itself. The whole line
 * must have that shape (the same keys in the same order, no spaces, nothing after the closing brace), so that it
 * cannot name a key twice: such a line is about exactly these packages and this place, or it is damaged. Any other
 * line is left to the JSON parser, whose rules for strings and numbers this follows.
 */
final class RecordShape {
    private static final byte[] TIME = ascii("{\"time\":\"");
    private static final byte[] ACTION = ascii(",\"action\":\"");
    private static final byte[] PACKAGES = ascii(",\"packages\":[");
    private static final byte[] REQUIREMENTS = ascii(",\"requirements\":[");
    private static final byte[] ROUTE = ascii(",\"route\":\"");
    private static final byte[] LOCATION = ascii(",\"location\":\"");
    private static final byte[] INTERPRETER = ascii(",\"interpreter\":\"");
    private static final byte[] COMMAND = ascii(",\"command\":[");
    private static final byte[] EXIT = ascii(",\"exit\":");

    /** The strings of the line in order, each bytes[ranges[2i], ranges[2i+1]) between its quotes. */
    private int[] ranges = new int[32];
    private int count;
    /** Where the packages, requirements and command start among the strings, and where the exit code is. */
    private int packages;
    private int requirements;
    private int route;
    private int command;
    private int exitFrom;
    private int exitTo;

    /**
     * Whether bytes[from, to) has the exact shape, with package names that are plain normalized project names and a
     * place without escapes.
     */
    boolean read(byte[] bytes, int from, int to) {
        count = 0;
        int at = expect(bytes, from, to, TIME);
        at = expect(bytes, string(bytes, at, to), to, ACTION);
        at = expect(bytes, string(bytes, at, to), to, PACKAGES);
        packages = count;
        at = expect(bytes, strings(bytes, at, to), to, REQUIREMENTS);
        requirements = count;
        at = expect(bytes, strings(bytes, at, to), to, ROUTE);
        route = count;
        at = expect(bytes, string(bytes, at, to), to, LOCATION);
        at = expect(bytes, string(bytes, at, to), to, INTERPRETER);
        at = expect(bytes, string(bytes, at, to), to, COMMAND);
        command = count;
        at = expect(bytes, strings(bytes, at, to), to, EXIT);
        if (at < 0 || !plainNames(bytes) || indexOf(bytes, placeFrom(), placeTo(), '\\') >= 0) {
            return false;
        }
        exitFrom = at;
        if (at < to && bytes[at] == '-') {
            at++;
        }
        int digits = at;
        while (at < to && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        exitTo = at;
        return at > digits && at == to - 1 && bytes[at] == '}';
    }

    int names() {
        return requirements - packages;
    }

    int nameFrom(int i) {
        return ranges[2 * (packages + i)];
    }

    int nameTo(int i) {
        return ranges[2 * (packages + i) + 1];
    }

    int placeFrom() {
        return ranges[2 * (route + 1)];
    }

    int placeTo() {
        return ranges[2 * (route + 1) + 1];
    }

    /**
     * The record of the line last read, or null where the JSON parser would fail or the record makes no sense: a
     * raw control character or a bad escape in a string, a number JSON does not allow or an int cannot hold.
     */
    LedgerRecord record(byte[] bytes) {
        try {
            int digits = bytes[exitFrom] == '-' ? exitFrom + 1 : exitFrom;
            if (exitTo - digits > 1 && bytes[digits] == '0') {
                return null;
            }
            int exit = Integer.parseInt(new String(bytes, exitFrom, exitTo - exitFrom, StandardCharsets.US_ASCII));
            return LedgerRecord.of(text(bytes, 0), text(bytes, 1), texts(bytes, packages, requirements),
                    texts(bytes, requirements, route), text(bytes, route), text(bytes, route + 1),
                    text(bytes, route + 2), texts(bytes, command, count), exit);
        } catch (RuntimeException e) {
            // A bad escape or number: damaged, as for the JSON parser.
            return null;
        }
    }

    private List<String> texts(byte[] bytes, int first, int end) {
        List<String> texts = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            texts.add(text(bytes, i));
        }
        return texts;
    }

    /** String i, unescaped as JSON reads it; a RuntimeException where JSON would refuse it. */
    private String text(byte[] bytes, int i) {
        int from = ranges[2 * i];
        int to = ranges[2 * i + 1];
        for (int at = from; at < to; at++) {
            if ((bytes[at] & 0xff) < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
        }
        String raw = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        return raw.indexOf('\\') < 0 ? raw : unescape(raw);
    }

    private static String unescape(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case '"', '/', '\\' -> text.append(escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    String hex = raw.substring(i + 1, i + 5);
                    for (int h = 0; h < 4; h++) {
                        char d = hex.charAt(h);
                        if (!(d >= '0' && d <= '9' || d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F')) {
                            throw new IllegalArgumentException("bad escape");
                        }
                    }
                    text.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
        return text.toString();
    }

    private boolean plainNames(byte[] bytes) {
        for (int i = packages; i < requirements; i++) {
            int from = ranges[2 * i];
            int to = ranges[2 * i + 1];
            if (from == to) {
                return false;
            }
            for (int at = from; at < to; at++) {
                byte b = bytes[at];
                if (!(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The place just after needle at at, or -1. */
    private static int expect(byte[] bytes, int at, int to, byte[] needle) {
        if (at < 0 || to - at < needle.length) {
            return -1;
        }
        for (int i = 0; i < needle.length; i++) {
            if (bytes[at + i] != needle[i]) {
                return -1;
            }
        }
        return at + needle.length;
    }

    /** Past the closing quote of a string whose opening quote is just before at (escapes skipped), or -1. */
    private int string(byte[] bytes, int at, int to) {
        if (at < 0) {
            return -1;
        }
        for (int i = at; i < to; i++) {
            if (bytes[i] == '"') {
                if (2 * count + 2 > ranges.length) {
                    ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                }
                ranges[2 * count] = at;
                ranges[2 * count + 1] = i;
                count++;
                return i + 1;
            } else if (bytes[i] == '\\') {
                i++;
            }
        }
        return -1;
    }

    /** Past the `]` of an array of strings whose `[` is just before at, or -1. */
    private int strings(byte[] bytes, int at, int to) {
        if (at < 0 || at >= to) {
            return -1;
        }
        if (bytes[at] == ']') {
            return at + 1;
        }
        while (at < to && bytes[at] == '"') {
            at = string(bytes, at + 1, to);
            if (at < 0 || at >= to) {
                return -1;
            }
            if (bytes[at] == ']') {
                return at + 1;
            }
            at = bytes[at] == ',' ? at + 1 : -1;
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
