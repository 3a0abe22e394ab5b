package dev.safepip.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the whole ledger holds now — for each package and place, its last sensible record that succeeded — without
 * parsing every line: a large ledger is mostly installs that later lines made old. The first reading takes, from
 * the bytes, only which package and place each line is about (lines in the exact shape safepip writes; any other
 * line is parsed whole) and keeps the place of the last line of each. Only those lines are then read again and
 * parsed. Where one is damaged, failed or not about its key after all, a second reading lists every line of those
 * keys alone, walked back from the newest. The result is what reading every record in order would give, and memory
 * grows with the packages and places, not with the file.
 */
final class LatestRecords {
    /** What is done with a line about a key: bytes [offset, offset + length) of the file. */
    private interface KeyLine {
        void line(KeyIndex.Key key, long offset, int length);
    }

    private final Path file;
    private final KeyIndex index = new KeyIndex();
    private final RecordShape shape = new RecordShape();
    /**
     * Lines that hold no sensible record and could have changed the answer: every line that is no record at all
     * (damaged, torn, too long), and each candidate found senseless when read whole. A senseless line a later line
     * of the same package and place made old is never read, so never counted.
     */
    private int damaged;
    private boolean firstReading = true;
    /** Lines of safepip's shape found to make no sense when read whole, each counted once. */
    private final Set<Long> senseless = new HashSet<>();

    LatestRecords(Path file) {
        this.file = file;
    }

    /** A record that is the latest of these packages (of its packages, those no later line changed). */
    record Latest(LedgerRecord record, List<String> names) {
    }

    /** The last sensible, successful install of each package and place, by place in the file, oldest first. */
    Map<Long, Latest> latest() throws IOException {
        Map<Long, Latest> chosen = new TreeMap<>();
        try (FileChannel channel = LineScanner.open(file)) {
            // Not `damaged += scan(…)`: that would add to the count as it was before keys() counted.
            int tooLong = LineScanner.scan(channel, (bytes, from, to, offset) -> keys(bytes, from, to, offset,
                    KeyIndex.Key::replace));
            damaged += tooLong;
            firstReading = false;
            List<KeyIndex.Key> unsettled = settle(channel, index.keys(), chosen);
            if (!unsettled.isEmpty()) {
                Set<KeyIndex.Key> wanted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                wanted.addAll(unsettled);
                unsettled.forEach(key -> key.count = 0);
                LineScanner.scan(channel, (bytes, from, to, offset) -> keys(bytes, from, to, offset,
                        (key, at, length) -> {
                            if (wanted.contains(key)) {
                                key.add(at, length);
                            }
                        }));
                // Every line of these keys is known now: one that runs out of lines holds nothing.
                settle(channel, unsettled, chosen);
            }
        } catch (NoSuchFileException e) {
            // No ledger: nothing held.
        }
        return chosen;
    }

    /**
     * Walks back through each key's candidate lines to its last sensible, successful record, and chooses it when it
     * is an install. Returns the keys whose candidates all failed.
     */
    private List<KeyIndex.Key> settle(FileChannel channel, List<KeyIndex.Key> keys, Map<Long, Latest> chosen)
            throws IOException {
        Map<Long, LedgerRecord> parsed = new HashMap<>();
        List<KeyIndex.Key> unsettled = new ArrayList<>();
        for (KeyIndex.Key key : keys) {
            String name = key.name();
            String place = index.place(key);
            boolean settled = false;
            for (int at = key.count - 1; at >= 0 && !settled; at--) {
                long offset = key.offsets[at];
                LedgerRecord record = parsed.get(offset);
                if (record == null && !parsed.containsKey(offset)) {
                    record = record(LineScanner.read(channel, offset, key.lengths[at]));
                    parsed.put(offset, record);
                    if (record == null && senseless.add(offset)) {
                        damaged++;
                    }
                }
                if (record != null && record.exit() == 0 && record.packages().contains(name)
                        && record.location().equals(place)) {
                    settled = true;
                    if (record.action().equals("install")) {
                        LedgerRecord held = record;
                        chosen.computeIfAbsent(offset, k -> new Latest(held, new ArrayList<>())).names().add(name);
                    }
                }
            }
            if (!settled) {
                unsettled.add(key);
            }
        }
        return unsettled;
    }

    /**
     * The record of a line, read by the shape already known to hold for most lines rather than by the JSON parser:
     * parsing a few thousand lines costs more than finding them in the whole file, before the JIT has compiled it.
     */
    private LedgerRecord record(byte[] line) {
        if (shape.read(line, 0, line.length)) {
            return shape.record(line);
        }
        return LedgerRecord.fromJson(new String(line, StandardCharsets.UTF_8));
    }

    /** Hands each key a line is about to then. */
    private void keys(byte[] bytes, int from, int to, long offset, KeyLine then) {
        if (from == to) {
            return;
        }
        if (shape.read(bytes, from, to)) {
            int place = index.place(bytes, shape.placeFrom(), shape.placeTo());
            for (int i = 0; i < shape.names(); i++) {
                then.line(index.key(bytes, shape.nameFrom(i), shape.nameTo(i), place), offset, to - from);
            }
            return;
        }
        // Not of safepip's exact shape: parsed whole now, and known by what it says.
        LedgerRecord record = LedgerRecord.fromJson(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        if (record != null) {
            for (String name : record.packages()) {
                then.line(index.key(name, record.location()), offset, to - from);
            }
        } else if (firstReading && !blank(bytes, from, to)) {
            damaged++;
        }
    }

    /** How many lines held no sensible record (known once {@link #latest()} has read the file). */
    int damaged() {
        return damaged;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
