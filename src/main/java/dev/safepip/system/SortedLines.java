package dev.safepip.system;

import java.util.ArrayList;
import java.util.List;

/**
 * "key value" lines sorted by key (in String order), each ending in a newline, in parts that follow each other in
 * order: a key is found by binary search in the text itself. Every blocked install looks a name or two up in
 * Debian's table, and parsing its five thousand lines, or scanning them, costs milliseconds in a cold JVM.
 */
final class SortedLines {
    private final String[] parts;

    SortedLines(String[] parts) {
        this.parts = parts.clone();
    }

    /** The whole text, for a reader that wants every line. */
    String text() {
        return String.join("", parts);
    }

    /** The value of the first line with this key, or null. */
    String valueOf(String key) {
        for (String part : parts) {
            int at = firstAtOrAfter(part, key);
            if (at < part.length() && compareKey(part, at, key) == 0) {
                return value(part, at);
            }
        }
        return null;
    }

    /** The values of every line with this key, in order; empty when none. */
    List<String> valuesOf(String key) {
        List<String> values = new ArrayList<>();
        for (String part : parts) {
            for (int at = firstAtOrAfter(part, key); at < part.length() && compareKey(part, at, key) == 0;
                    at = part.indexOf('\n', at) + 1) {
                values.add(value(part, at));
            }
        }
        return values;
    }

    /** The start of the first line whose key is not below this key, or the part's length. */
    private static int firstAtOrAfter(String part, String key) {
        // lo and hi are line starts; the answer lies in [lo, hi].
        int lo = 0;
        int hi = part.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int start = part.lastIndexOf('\n', mid - 1) + 1;
            if (compareKey(part, start, key) < 0) {
                lo = part.indexOf('\n', start) + 1;
            } else {
                hi = start;
            }
        }
        return lo;
    }

    /** The line's key against this key, as String.compareTo would compare them. */
    private static int compareKey(String part, int start, String key) {
        for (int i = start, j = 0; ; i++, j++) {
            char c = part.charAt(i);
            boolean lineKeyEnds = c == ' ' || c == '\n';
            boolean keyEnds = j == key.length();
            if (lineKeyEnds || keyEnds) {
                return (lineKeyEnds ? 0 : 1) - (keyEnds ? 0 : 1);
            }
            if (c != key.charAt(j)) {
                return c - key.charAt(j);
            }
        }
    }

    private static String value(String part, int start) {
        int space = part.indexOf(' ', start);
        int end = part.indexOf('\n', start);
        return space < 0 || space > end ? "" : part.substring(space + 1, end).strip();
    }
}
