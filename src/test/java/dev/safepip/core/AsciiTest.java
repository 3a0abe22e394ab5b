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
}
