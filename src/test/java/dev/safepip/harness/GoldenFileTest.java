package dev.safepip.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {
    @TempDir
    Path tmp;

    @Test
    void aDifferenceFailsWithADiffAndLeavesTheFileAlone() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "one\ntwo\nthree\n");
        AssertionError e = assertThrows(AssertionError.class,
                () -> new GoldenFile(file, false).check("one\nTWO\nthree\n"));
        assertTrue(e.getMessage().contains("-two\n+TWO\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dsafepip.golden.update=true"), e.getMessage());
        assertEquals("one\ntwo\nthree\n", Files.readString(file));
    }

    @Test
    void aMissingFileFailsAndSaysHowToMakeIt() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new GoldenFile(tmp.resolve("none.txt"), false).check("x\n"));
        assertTrue(e.getMessage().startsWith("no golden file "), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("none.txt")));
    }

    @Test
    void updatingWritesADifferenceAndMakesAMissingFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "old\n");
        new GoldenFile(file, true).check("new\n");
        assertEquals("new\n", Files.readString(file));
        Path missing = tmp.resolve("sub/b.txt");
        new GoldenFile(missing, true).check("made\n");
        assertEquals("made\n", Files.readString(missing, StandardCharsets.UTF_8));
    }

    @Test
    void updatingLeavesAFileThatHoldsUntouched() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "same\n");
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, before);
        new GoldenFile(file, true).check("same\n");
        assertEquals(before, Files.getLastModifiedTime(file));
    }

    @Test
    void theDiffShowsContextHunksAndALostFinalNewline() {
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            expected.append("line ").append(i).append('\n');
        }
        String actual = expected.toString().replace("line 2\n", "line two\n").replace("line 19\n", "");
        String diff = GoldenFile.diff(expected.toString(), actual.substring(0, actual.length() - 1));
        assertEquals("--- expected\n+++ actual\n"
                + "@@ line 1 @@\n"
                + " line 1\n"
                + "-line 2\n"
                + "+line two\n"
                + " line 3\n"
                + " line 4\n"
                + " line 5\n"
                + "@@ line 16 @@\n"
                + " line 16\n"
                + " line 17\n"
                + " line 18\n"
                + "-line 19\n"
                + "-line 20\n"
                + "+line 20\\ (no newline at end)\n", diff);
    }
}
