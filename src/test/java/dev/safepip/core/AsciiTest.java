package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ascii's classes are the regex classes they stand for, over every char. */
class AsciiTest {

    @Test
    void everyCharIsClassedAsTheRegexClassesClassIt() {
        Pattern space = Pattern.compile("\\s");
        Pattern digit = Pattern.compile("\\d");
        Pattern alnum = Pattern.compile("[A-Za-z0-9]");
        Pattern dot = Pattern.compile(".");
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = String.valueOf((char) c);
            assertEquals(space.matcher(text).matches(), Ascii.isSpace((char) c), "\\s " + c);
            assertEquals(digit.matcher(text).matches(), Ascii.isDigit((char) c), "\\d " + c);
            assertEquals(alnum.matcher(text).matches(), Ascii.isLetterOrDigit((char) c), "alnum " + c);
            assertEquals(!dot.matcher(text).matches(), Ascii.isLineTerminator((char) c), ". " + c);
        }
    }

    @Test
    void endsWithIgnoringCaseFoldsAsciiLettersOnly() {
        for (String text : RandomText.strings(7, "xXzZiIpP.\u0131\u212A", 20_000, 6)) {
            boolean expected = Pattern.compile("(?i).*\\.zip").matcher(text).matches();
            assertEquals(expected, Ascii.endsWithIgnoringCase(text, ".zip"), text);
        }
    }

    @Test
    void visibleWritesOutWhatATerminalWouldHideOrObey() {
        assertEquals("venv", Ascii.visible("venv"));
        assertEquals("venv\\x1b]0;PWNED\\x07\\x1b[2J", Ascii.visible("venv\u001b]0;PWNED\u0007\u001b[2J"));
        assertEquals("a\\x0ab\\x7f\\x9b\\u202e\\x00", Ascii.visible("a\nb\u007f\u009b\u202e\u0000"));
        assertEquals("é ü 中", Ascii.visible("é ü 中"));
        for (String text : RandomText.strings(11, "a\u001b\u0007\n\u202e\u2066\u0085\u007f\u00a0", 5_000, 8)) {
            String shown = Ascii.visible(text);
            for (int i = 0; i < shown.length(); i++) {
                char c = shown.charAt(i);
                assertEquals(false, c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                        || c >= 0x2066 && c <= 0x2069, text);
            }
        }
    }
}
