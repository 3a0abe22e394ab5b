package dev.safepip.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages and places met in a ledger, each package-and-place once, found from a line's bytes: a line about a
 * key already met allocates nothing, which is most lines of a large ledger. Places are told apart by their text
 * (as the JSON parser reads them), package names (plain ASCII) by their bytes.
 */
final class KeyIndex {
    /** A package at a place, and the lines about it that are still candidates (by offset and length). */
    static final class Key {
        final byte[] name;
        final int place;
        long[] offsets = new long[1];
        int[] lengths = new int[1];
        int count;

        private Key(byte[] name, int place) {
            this.name = name;
            this.place = place;
        }

        /** Keeps only the last line: all that the first reading of the ledger needs. */
        void replace(long offset, int length) {
            offsets[0] = offset;
            lengths[0] = length;
            count = 1;
        }

        void add(long offset, int length) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }

        String name() {
            return new String(name, StandardCharsets.UTF_8);
        }
    }

    private final List<String> places = new ArrayList<>();
    private final Map<String, Integer> placeIds = new HashMap<>();
    /**
     * The bytes of the last place looked up by bytes, and its id: a ledger names few places, often in a row. None
     * at first: an empty place on the first line is a place like any other (of no sensible record), not this one.
     */
    private byte[] lastPlace;
    private int lastPlaceId = -1;

    private final List<Key> keys = new ArrayList<>();
    /** Open addressing: 1 + the index in keys, 0 for a free slot. */
    private int[] slots = new int[1 << 10];

    List<Key> keys() {
        return keys;
    }

    String place(Key key) {
        return places.get(key.place);
    }

    int place(byte[] bytes, int from, int to) {
        if (lastPlace != null && to - from == lastPlace.length
                && Arrays.equals(bytes, from, to, lastPlace, 0, lastPlace.length)) {
            return lastPlaceId;
        }
        lastPlace = Arrays.copyOfRange(bytes, from, to);
        lastPlaceId = place(new String(lastPlace, StandardCharsets.UTF_8));
        return lastPlaceId;
    }

    int place(String text) {
        Integer id = placeIds.get(text);
        if (id == null) {
            id = places.size();
            places.add(text);
            placeIds.put(text, id);
        }
        return id;
    }

    /** The key of the name at bytes[from, to) at that place, made when new. */
    Key key(byte[] bytes, int from, int to, int place) {
        int mask = slots.length - 1;
        for (int slot = hash(bytes, from, to, place) & mask; ; slot = (slot + 1) & mask) {
            int index = slots[slot] - 1;
            if (index < 0) {
                Key key = new Key(Arrays.copyOfRange(bytes, from, to), place);
                keys.add(key);
                slots[slot] = keys.size();
                if (keys.size() * 2 > slots.length) {
                    grow();
                }
                return key;
            }
            Key key = keys.get(index);
            if (key.place == place && Arrays.equals(bytes, from, to, key.name, 0, key.name.length)) {
                return key;
            }
        }
    }

    Key key(String name, String place) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return key(bytes, 0, bytes.length, place(place));
    }

    private void grow() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int index = 0; index < keys.size(); index++) {
            Key key = keys.get(index);
            int slot = hash(key.name, 0, key.name.length, key.place) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
    }

    private static int hash(byte[] bytes, int from, int to, int place) {
        int hash = place;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash ^ hash >>> 16;
    }
}
