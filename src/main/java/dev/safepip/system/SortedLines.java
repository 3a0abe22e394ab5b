package dev.safepip.system;

import java.util.ArrayList;
import java.util.List;

/**
 * "key value" lines sorted by key (in String order), each ending in a newline, in parts that follow each other in
 * order: a key is found by binary search in the one or two parts whose key range holds it. Every blocked install
 * looks a name or two up in Debian's table; parsing its five thousand lines, or scanning them, or even making all
 * of its strings, costs milliseconds in a cold JVM.
 */
abstract class SortedLines {
    private final String[] firstKeys;

    /** @param firstKeys each part's first key, in order */
    SortedLines(String[] firstKeys) {
        this.firstKeys = firstKeys.clone();
    }

    /** The part at this index (0 to the number of first keys, exclusive). */
    abstract String part(int index);

    /** The whole text, for a reader that wants every line. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < firstKeys.length; i++) {
            text.append(part(i));
        }
        return text.toString();
    }

    /** The value of the first line with this key, or null. */
    String valueOf(String key) {
        List<String> values = valuesOf(key, true);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The values of every line with this key, in order; empty when none. */
    List<String> valuesOf(String key) {
        return valuesOf(key, false);
    }

    private List<String> valuesOf(String key, boolean firstOnly) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < firstKeys.length && firstKeys[i].compareTo(key) <= 0; i++) {
            if (i + 1 < firstKeys.length && firstKeys[i + 1].compareTo(key) < 0) {
                // Every key of this part is at most the next part's first, which is below this key.
                continue;
            }
            String part = part(i);
            for (int at = firstAtOrAfter(part, key); at < part.length() && compareKey(part, at, key) == 0;
                    at = part.indexOf('\n', at) + 1) {
                values.add(value(part, at));
                if (firstOnly) {
                    return values;
                }
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
