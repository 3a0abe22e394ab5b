package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.RandomText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IniParser must read what Python's configparser.ConfigParser(interpolation=None) reads, and refuse what it refuses. */
class IniParserTest {

    private static String value(String ini, String section, String key) throws IniParser.ParseError {
        return IniParser.parse(ini).get(section).get(key);
    }

    @Test
    void readsSectionsInOrderWithLowerCasedKeys() throws Exception {
        Map<String, Map<String, String>> ini = IniParser.parse("""
                [first]
                Key = value
                OTHER=x

                [Second]
                MiXeD = y
                """);
        assertEquals(List.of("first", "Second"), List.copyOf(ini.keySet()), "section names keep their case");
        assertEquals(Map.of("key", "value", "other", "x"), ini.get("first"));
        assertEquals(Map.of("mixed", "y"), ini.get("Second"));
        assertEquals(null, ini.get("second"), "section names are case-sensitive");
    }

    @Test
    void colonSeparatesTooAndTheFirstSeparatorWins() throws Exception {
        assertEquals("b", value("[s]\na: b\n", "s", "a"));
        assertEquals("b = c", value("[s]\na : b = c\n", "s", "a"));
        assertEquals("b: c", value("[s]\na = b: c\n", "s", "a"));
        assertEquals("", value("[s]\na =\n", "s", "a"));
        assertEquals("", value("[s]\na:\n", "s", "a"));
    }

    @Test
    void continuationLinesAreJoinedWithNewlines() throws Exception {
        assertEquals("one\ntwo\nthree", value("[s]\nError = one\n  two\n\tthree\n", "s", "error"));
        assertEquals("\nfirst\nsecond", value("[s]\nError =\n  first\n  second\n", "s", "error"));
    }

    @Test
    void aLineIndentedLikeTheKeyIsANewKeyNotAContinuation() throws Exception {
        Map<String, String> s = IniParser.parse("[s]\n  a = 1\n  b = 2\n    more\n").get("s");
        assertEquals(Map.of("a", "1", "b", "2\nmore"), s);
    }

    @Test
    void commentsAreWholeLinesOnly() throws Exception {
        Map<String, String> s = IniParser.parse("""
                # a comment
                ; another
                [s]
                # inside
                a = one ; not a comment
                  # an indented comment inside a value is still a comment
                  two # not a comment either
                """).get("s");
        assertEquals(Map.of("a", "one ; not a comment\ntwo # not a comment either"), s);
    }

    @Test
    void blankLinesInsideAValueAreKeptButTrailingOnesDropped() throws Exception {
        String ini = "[s]\na = line1\n\n  line3\n\n\n\n[t]\nb = x\n\n\n";
        assertEquals("line1\n\nline3", value(ini, "s", "a"));
        assertEquals("x", value(ini, "t", "b"));
    }

    @Test
    void windowsAndOldMacLineEndingsAreLineEndings() throws Exception {
        assertEquals("a\nb", value("[s]\r\nk = a\r\n  b\r\n", "s", "k"));
        assertEquals("a\nb", value("[s]\rk = a\r  b\r", "s", "k"));
    }

    @Test
    void emptyTextHasNoSections() throws Exception {
        assertTrue(IniParser.parse("").isEmpty());
        assertTrue(IniParser.parse("\n\n# only a comment\n").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[s]\na = 1\na = 2\n",                 // duplicate key
            "[s]\nKey = 1\nkEY = 2\n",             // duplicate key, whatever its case
            "[s]\na = 1\n[t]\n[s]\nb = 2\n",       // duplicate section
            "a = 1\n[s]\n",                        // text before the first section
            "[s]\njust some words\n",              // a line with no separator
            "[s]\n= value\n",                      // no key
            "[s]\n  : value\n",                    // no key either
    })
    void refusesWhatConfigparserRefuses(String ini) {
        IniParser.ParseError e = assertThrows(IniParser.ParseError.class, () -> IniParser.parse(ini));
        assertTrue(e.getMessage().startsWith("line "), e.getMessage());
    }

    @Test
    void errorsNameTheLine() {
        IniParser.ParseError e = assertThrows(IniParser.ParseError.class,
                () -> IniParser.parse("[s]\na = 1\n\n# c\na = 2\n"));
        assertEquals("line 5: key 'a' appears twice", e.getMessage());
    }

    @Test
    void textAfterTheClosingBracketOfASectionIsIgnored() throws Exception {
        assertEquals("hello", value("[externally-managed]  ; the marker\nError = hello\n", "externally-managed",
                "error"));
    }

    /**
     * The parser matches lines by hand as the regular expressions it used before did; over random text made of the
     * characters that matter, it reads what they read and refuses what they refused, with the same message.
     */
    @Test
    void readsRandomTextAsTheRegexesItReplaced() {
        int parsed = 0;
        List<String> texts = RandomText.strings(668, "[]=: \t\n\r#;ab\u000B\f\u0085\u2028\u00A0", 60_000, 24);
        for (int i = 0; i < texts.size(); i++) {
            // Half of them open with a section, so that their lines get as far as the option rule.
            String text = (i % 2 == 0 ? "[s]\n" : "") + texts.get(i);
            String expected = describe(() -> RegexIni.parse(text));
            assertEquals(expected, describe(() -> IniParser.parse(text)), text);
            parsed += expected.startsWith("{") ? 1 : 0;
        }
        assertTrue(parsed > 1000, "texts both read: " + parsed);
        assertEquals(List.of("", "a", "", "b", "", "c", ""), IniParser.lines("\na\r\n\rb\n\nc\r"));
    }

    private interface Parse {
        Map<String, Map<String, String>> run() throws IniParser.ParseError;
    }

    private static String describe(Parse parse) {
        try {
            return parse.run().toString();
        } catch (IniParser.ParseError e) {
            return "error: " + e.getMessage();
        }
    }

    /** The regex-based parser as it was, kept here as the reference. */
    private static final class RegexIni {
        private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
        private static final Pattern OPTION = Pattern.compile("(.*?)\\s*[=:]\\s*(.*)");

        static Map<String, Map<String, String>> parse(String text) throws IniParser.ParseError {
            Map<String, Map<String, String>> sections = new LinkedHashMap<>();
            Map<String, StringBuilder> current = null;
            Map<String, Map<String, StringBuilder>> building = new LinkedHashMap<>();
            StringBuilder value = null;
            int valueIndent = -1;
            int number = 0;
            for (String line : text.split("\r\n|\n|\r", -1)) {
                number++;
                String stripped = line.strip();
                if (stripped.startsWith("#") || stripped.startsWith(";")) {
                    continue;
                }
                if (stripped.isEmpty()) {
                    if (value != null) {
                        value.append('\n');
                    }
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                if (value != null && indent > valueIndent) {
                    value.append('\n').append(stripped);
                    continue;
                }
                Matcher section = SECTION.matcher(stripped);
                if (section.lookingAt()) {
                    String name = section.group(1);
                    if (building.containsKey(name)) {
                        throw new IniParser.ParseError("line " + number + ": section [" + name + "] appears twice");
                    }
                    current = new LinkedHashMap<>();
                    building.put(name, current);
                    value = null;
                    continue;
                }
                if (current == null) {
                    throw new IniParser.ParseError("line " + number + ": text before the first [section]");
                }
                Matcher option = OPTION.matcher(stripped);
                if (!option.matches() || option.group(1).isEmpty()) {
                    throw new IniParser.ParseError("line " + number + ": not a 'key = value' line");
                }
                String key = option.group(1).strip().toLowerCase(Locale.ROOT);
                if (current.containsKey(key)) {
                    throw new IniParser.ParseError("line " + number + ": key '" + key + "' appears twice");
                }
                value = new StringBuilder(option.group(2));
                valueIndent = indent;
                current.put(key, value);
            }
            building.forEach((name, options) -> {
                Map<String, String> done = new LinkedHashMap<>();
                options.forEach((key, text2) -> done.put(key, text2.toString().stripTrailing()));
                sections.put(name, done);
            });
            return sections;
        }
    }
}
