package dev.safepip.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SanitizerTest {

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("colour", "\u001b[31mred\u001b[0m text", "red text"),
                Arguments.of("bold colour", "\u001b[1;38;5;196mbold\u001b[m", "bold"),
                Arguments.of("OSC title with BEL", "\u001b]0;pwned title\u0007after", "after"),
                Arguments.of("OSC title with ST", "before\u001b]2;pwned\u001b\\after", "beforeafter"),
                Arguments.of("OSC 8 hyperlink", "\u001b]8;;https://evil.example/\u001b\\click me\u001b]8;;\u001b\\",
                        "click me"),
                Arguments.of("OSC 52 clipboard", "\u001b]52;c;cm0gLXJmIH4=\u0007x", "x"),
                Arguments.of("cursor moves", "a\u001b[2J\u001b[1;1H\u001b[10A\u001b[3Cb\u001b[K", "ab"),
                Arguments.of("private mode", "\u001b[?25lhidden cursor\u001b[?1049h", "hidden cursor"),
                Arguments.of("DCS", "x\u001bPq#0;2;0;0;0#0~~@@\u001b\\y", "xy"),
                Arguments.of("two-byte escape", "a\u001bcb\u001b7c", "abc"),
                Arguments.of("lone ESC at the end", "abc\u001b", "abc"),
                Arguments.of("unfinished CSI", "abc\u001b[31", "abc"),
                Arguments.of("C1 CSI", "\u009b31mred\u009b0m", "red"),
                Arguments.of("other C1 controls", "a\u0085b\u008dc\u009dd", "abcd"),
                Arguments.of("bidi override", "safe\u202eexe.txt", "safeexe.txt"),
                Arguments.of("bidi embeddings and isolates", "\u202aa\u202bb\u202cc\u202dd\u2066e\u2067f\u2068g\u2069",
                        "abcdefg"),
                Arguments.of("carriage return", "fake\rreal", "fakereal"),
                Arguments.of("CRLF", "one\r\ntwo", "one\ntwo"),
                Arguments.of("NUL", "a\u0000b", "ab"),
                Arguments.of("BEL BS DEL VT FF", "a\u0007b\bc\u007fd\u000be\u000cf", "abcdef"),
                Arguments.of("newline and tab kept", "col1\tcol2\nline2\n", "col1\tcol2\nline2\n"),
                Arguments.of("unicode kept", "Gr\u00fc\u00dfe \u2014 \u2713 \ud83d\udc0d", "Gr\u00fc\u00dfe \u2014 \u2713 \ud83d\udc0d"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void clean(String what, String input, String expected) {
        String clean = Sanitizer.clean(input);
        assertEquals(expected, clean);
        assertTrue(clean.chars().noneMatch(c -> c == 0x1b || c == 0x9b || c == '\r' || c == 0x202e), clean);
    }

    private static String lines(int count, int width) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%0" + width + "d", i))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void shortTextIsLeftWholeButStripped() {
        assertEquals("one\ntwo", Sanitizer.cleanAndCut("\n  one\ntwo\n\n", 10, 100));
        assertEquals("", Sanitizer.cleanAndCut("", 10, 100));
    }

    @Test
    void cutsByLinesAndSaysHowMany() {
        String cut = Sanitizer.cleanAndCut(lines(50, 3), 10, 10_000);
        assertEquals(lines(10, 3) + "\n\u2026 (40 more lines cut)", cut);
    }

    @Test
    void cutsByCharactersAtALineBoundary() {
        // Five lines of ten characters, at most 25: two lines fit.
        String cut = Sanitizer.cleanAndCut(lines(5, 10), 100, 25);
        assertEquals(lines(2, 10) + "\n\u2026 (3 more lines cut)", cut);
    }

    @Test
    void cutsASingleLongLineAndSaysSo() {
        String cut = Sanitizer.cleanAndCut("x".repeat(100), 10, 10);
        assertEquals("x".repeat(10) + "\n\u2026 (the rest cut)", cut);
    }

    @Test
    void aLongFirstLineIsCutAndTheOtherLinesCounted() {
        String cut = Sanitizer.cleanAndCut("y".repeat(50) + "\nsecond\nthird", 10, 20);
        assertEquals("y".repeat(20) + "\n\u2026 (2 more lines cut)", cut);
    }

    @Test
    void cleansBeforeCutting() {
        String cut = Sanitizer.cleanAndCut("\u001b]0;" + "t".repeat(500) + "\u0007ok\n\u001b[31mred\u001b[0m", 5, 10);
        assertEquals("ok\nred", cut);
        assertFalse(cut.contains("\u2026"));
    }
}
