package dev.safepip.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the whole ledger holds now — for each package and place, its last sensible record that succeeded — without
 * parsing every line: a large ledger is mostly installs that later lines made old. The first pass reads, from the
 * bytes, only which package and place each line is about (lines in the exact shape safepip writes; any other line
 * is parsed whole at once); later passes parse only the last line of each package and place, and go one line further
 * back where that one is damaged or failed. The result is what reading every record in order would give.
 */
final class LatestRecords {
    private static final byte[] PACKAGES = "\"packages\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOCATION = "\"location\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    /** Line numbers about each "name\0location", oldest first. */
    private final Map<String, List<Integer>> lines = new LinkedHashMap<>();
    /** Records of lines that were parsed whole in the first pass (not of safepip's exact shape). */
    private final Map<Integer, LedgerRecord> parsed = new HashMap<>();

    LatestRecords(Path file) {
        this.file = file;
    }

    /** A record that is the latest of these packages (of its packages, those no later line changed). */
    record Latest(LedgerRecord record, List<String> names) {
    }

    /** The last sensible, successful install of each package and place, by line number, oldest first. */
    Map<Integer, Latest> latest() throws IOException {
        scan(null);
        Map<String, Integer> cursor = new HashMap<>();
        Map<Integer, Latest> chosen = new java.util.TreeMap<>();
        Set<String> open = new HashSet<>(lines.keySet());
        for (String key : open) {
            cursor.put(key, lines.get(key).size() - 1);
        }
        while (!open.isEmpty()) {
            Set<Integer> wanted = new HashSet<>();
            for (String key : open) {
                int line = lines.get(key).get(cursor.get(key));
                if (!parsed.containsKey(line)) {
                    wanted.add(line);
                }
            }
            if (!wanted.isEmpty()) {
                scan(wanted);
            }
            Set<String> next = new HashSet<>();
            for (String key : open) {
                int at = cursor.get(key);
                int line = lines.get(key).get(at);
                LedgerRecord record = parsed.get(line);
                if (record != null && record.exit() == 0 && about(record, key)) {
                    if (record.action().equals("install")) {
                        chosen.computeIfAbsent(line, k -> new Latest(record, new ArrayList<>()))
                                .names().add(key.substring(0, key.indexOf('\u0000')));
                    }
                } else if (at > 0) {
                    cursor.put(key, at - 1);
                    next.add(key);
                }
            }
            open = next;
        }
        return chosen;
    }

    private static boolean about(LedgerRecord record, String key) {
        int nul = key.indexOf('\u0000');
        return record.packages().contains(key.substring(0, nul)) && record.location().equals(key.substring(nul + 1));
    }

    /**
     * With wanted null, the first pass: the keys of every line. Otherwise parses the wanted lines into parsed (a
     * damaged one as null).
     */
    private void scan(Set<Integer> wanted) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] line = new byte[4096];
            int length = 0;
            boolean tooLong = false;
            int number = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0 || length > 0 || tooLong; ) {
                if (n < 0) {
                    handle(line, length, tooLong, number, wanted);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        handle(line, length, tooLong, number++, wanted);
                        length = 0;
                        tooLong = false;
                    } else if (!tooLong) {
                        if (length == Ledger.MAX_LINE) {
                            tooLong = true;
                        } else {
                            if (length == line.length) {
                                line = java.util.Arrays.copyOf(line, line.length * 2);
                            }
                            line[length++] = b;
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // No ledger: nothing held.
        }
    }

    private void handle(byte[] line, int length, boolean tooLong, int number, Set<Integer> wanted) {
        if (tooLong || length == 0) {
            return;
        }
        if (wanted != null) {
            if (wanted.contains(number)) {
                parsed.put(number, LedgerRecord.fromJson(new String(line, 0, length, StandardCharsets.UTF_8)));
            }
            return;
        }
        List<String> keys = keys(line, length);
        if (keys == null) {
            // Not of safepip's exact shape: parsed whole now, and known by what it says.
            LedgerRecord record = LedgerRecord.fromJson(new String(line, 0, length, StandardCharsets.UTF_8));
            if (record == null) {
                return;
            }
            parsed.put(number, record);
            keys = new ArrayList<>();
            for (String name : record.packages()) {
                keys.add(name + "\u0000" + record.location());
            }
        }
        for (String key : keys) {
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(number);
        }
    }

    /** "name\0location" for each package of a line in safepip's shape, or null for any other line. */
    private static List<String> keys(byte[] line, int length) {
        int packages = indexOf(line, length, PACKAGES, 0);
        int location = indexOf(line, length, LOCATION, 0);
        if (packages < 0 || location < 0) {
            return null;
        }
        int at = location + LOCATION.length;
        int end = at;
        while (end < length && line[end] != '"' && line[end] != '\\') {
            end++;
        }
        if (end >= length || line[end] != '"') {
            return null;
        }
        String place = new String(line, at, end - at, StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        at = packages + PACKAGES.length;
        while (at < length && line[at] != ']') {
            if (line[at] != '"') {
                return null;
            }
            int close = at + 1;
            while (close < length && line[close] != '"' && line[close] != '\\') {
                close++;
            }
            if (close >= length || line[close] != '"') {
                return null;
            }
            keys.add(new String(line, at + 1, close - at - 1, StandardCharsets.UTF_8) + "\u0000" + place);
            at = close + 1;
            if (at < length && line[at] == ',') {
                at++;
            }
        }
        return at < length ? keys : null;
    }

    private static int indexOf(byte[] line, int length, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
