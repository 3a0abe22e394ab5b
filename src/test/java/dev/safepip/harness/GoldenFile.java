package dev.safepip.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One expected output kept as a file in the source tree. {@link #check} compares and, when they differ, fails with a
 * line diff of expected against actual that a reviewer reads as it stands. With {@code -Dsafepip.golden.update=true}
 * it rewrites the file instead, and only when its content differs, so an update touches nothing that still holds
 * and {@code git diff} shows exactly what changed.
 */
public final class GoldenFile {
    /** The property, as BlockedReportGoldenTest has it: one convention for every golden file. */
    public static final String UPDATE = "safepip.golden.update";
    private static final int CONTEXT = 3;

    private final Path file;
    private final boolean update;

    public GoldenFile(Path file, boolean update) {
        this.file = file;
        this.update = update;
    }

    public static GoldenFile at(Path dir, String name) {
        return new GoldenFile(dir.resolve(name + ".txt"), Boolean.getBoolean(UPDATE));
    }

    public Path file() {
        return file;
    }

    /** Passes when the file holds {@code actual}; in update mode writes it first if it does not. */
    public void check(String actual) {
        try {
            String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (actual.equals(expected)) {
                return;
            }
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (expected == null) {
                throw new AssertionError("no golden file " + file + "; make it with -D" + UPDATE
                        + "=true, then read it\n--- actual\n" + actual);
            }
            throw new AssertionError(file + " differs from the output (-D" + UPDATE + "=true rewrites it):\n"
                    + diff(expected, actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A unified-style diff: "-" for an expected line missing, "+" for an actual line not expected, " " for context,
     * with at most {@value #CONTEXT} unchanged lines around each change and "@@ line N @@" where a hunk starts.
     */
    public static String diff(String expected, String actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        // Longest common subsequence, from the end, so the walk below goes forward.
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> all = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                all.add(" " + a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // What was expected first, then what came instead, as diff -u prints a change.
                all.add("-" + a.get(i));
                i++;
            } else {
                all.add("+" + b.get(j));
                j++;
            }
            lineOf.add(i);
        }
        StringBuilder out = new StringBuilder("--- expected\n+++ actual\n");
        int shownUpTo = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).startsWith(" ")) {
                continue;
            }
            int from = Math.max(shownUpTo + 1, k - CONTEXT);
            if (from > shownUpTo + 1 || shownUpTo < 0) {
                out.append("@@ line ").append(Math.max(1, lineOf.get(from))).append(" @@\n");
            }
            int to = k;
            // Extend the hunk over changes that lie within the context of each other.
            for (int m = k; m < all.size() && m <= to + 2 * CONTEXT; m++) {
                if (!all.get(m).startsWith(" ")) {
                    to = m;
                }
            }
            int end = Math.min(all.size() - 1, to + CONTEXT);
            for (int m = from; m <= end; m++) {
                out.append(all.get(m)).append('\n');
            }
            shownUpTo = end;
            k = end;
        }
        return out.toString();
    }

    /** Lines, with a last line that lacks its newline marked, so a lost final newline shows in the diff. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\\ (no newline at end)");
        }
        return lines;
    }
}
