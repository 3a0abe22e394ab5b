package dev.safepip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random strings over a small alphabet, for the tests that hold a hand-written matcher to the regular expression it
 * replaced: a small alphabet of the characters that matter (separators, spaces, line terminators) finds the corners.
 */
public final class RandomText {
    private RandomText() {
    }

    /** count strings of 0 to maxLength characters from the alphabet, the same ones for the same seed. */
    public static List<String> strings(long seed, String alphabet, int count, int maxLength) {
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            strings.add(text.toString());
        }
        return strings;
    }
}
