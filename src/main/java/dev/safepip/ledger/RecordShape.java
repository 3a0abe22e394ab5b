package dev.safepip.ledger;

import java.nio.charset.StandardCharsets;

/**
 * Reads, from a line's bytes and without decoding it, which packages and which place a record in the exact shape
 * {@link LedgerRecord#toJson} writes is about. The whole line must have that shape (the same keys in the same order,
 * no spaces, nothing after the closing brace), so that it cannot name a key twice: such a line is about exactly
 * these packages and this place, or it is damaged. Any other line is left to the JSON parser.
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

    /** Where the package names are: bytes[names[2i], names[2i+1]) for i below count. */
    int[] names = new int[8];
    int count;
    /** Where the place is: bytes[placeFrom, placeTo). */
    int placeFrom;
    int placeTo;

    /**
     * Whether bytes[from, to) has the exact shape, with names that are plain normalized project names and a place
     * without escapes; the ranges are then set.
     */
    boolean read(byte[] bytes, int from, int to) {
        count = 0;
        int at = expect(bytes, from, to, TIME);
        at = expect(bytes, string(bytes, at, to), to, ACTION);
        at = expect(bytes, string(bytes, at, to), to, PACKAGES);
        at = names(bytes, at, to);
        at = expect(bytes, at, to, REQUIREMENTS);
        at = expect(bytes, strings(bytes, at, to), to, ROUTE);
        at = expect(bytes, string(bytes, at, to), to, LOCATION);
        placeFrom = at;
        at = plain(bytes, at, to);
        placeTo = at;
        at = expect(bytes, at < 0 ? -1 : at + 1, to, INTERPRETER);
        at = expect(bytes, string(bytes, at, to), to, COMMAND);
        at = expect(bytes, strings(bytes, at, to), to, EXIT);
        if (at < 0) {
            return false;
        }
        if (at < to && bytes[at] == '-') {
            at++;
        }
        int digits = at;
        while (at < to && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at > digits && at == to - 1 && bytes[at] == '}';
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

    /** Past the rest of a JSON string whose opening quote is just before at (escapes skipped), or -1. */
    private static int string(byte[] bytes, int at, int to) {
        if (at < 0) {
            return -1;
        }
        for (int i = at; i < to; i++) {
            if (bytes[i] == '"') {
                return i + 1;
            } else if (bytes[i] == '\\') {
                i++;
            }
        }
        return -1;
    }

    /** The closing quote of a string with no escape that starts at at, or -1. */
    private static int plain(byte[] bytes, int at, int to) {
        if (at < 0) {
            return -1;
        }
        for (int i = at; i < to; i++) {
            if (bytes[i] == '"') {
                return i;
            } else if (bytes[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** Past the `]` of an array of strings whose `[` is just before at, or -1. */
    private static int strings(byte[] bytes, int at, int to) {
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

    /** Like strings, for the package names, which must be normalized project names (recorded in names). */
    private int names(byte[] bytes, int at, int to) {
        if (at < 0 || at >= to) {
            return -1;
        }
        if (bytes[at] == ']') {
            return at + 1;
        }
        while (at < to && bytes[at] == '"') {
            int start = at + 1;
            int end = start;
            while (end < to && (bytes[end] >= 'a' && bytes[end] <= 'z' || bytes[end] >= '0' && bytes[end] <= '9'
                    || bytes[end] == '-')) {
                end++;
            }
            if (end == start || end >= to || bytes[end] != '"') {
                return -1;
            }
            if (count * 2 == names.length) {
                names = java.util.Arrays.copyOf(names, names.length * 2);
            }
            names[count * 2] = start;
            names[count * 2 + 1] = end;
            count++;
            at = end + 1;
            if (at < to && bytes[at] == ']') {
                return at + 1;
            }
            at = at < to && bytes[at] == ',' ? at + 1 : -1;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
