package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON with comments as devcontainer.json is written: comments, trailing commas, escapes; and what it refuses. */
class JsoncTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String text) throws Jsonc.Malformed {
        return (Map<String, Object>) Jsonc.parse(text);
    }

    @Test
    void lineAndBlockCommentsAreSkippedAnywhereBlankMayBe() throws Jsonc.Malformed {
        Map<String, Object> config = object("""
                // For format details, see https://aka.ms/devcontainer.json.
                {
                    /* the name */ "name": /* inside */ "Debian", // after
                    "n" /* before the colon */ : 1 /* after the value */
                    /* multi
                       line // with a line comment inside */
                }
                // the end""");
        assertEquals("Debian", config.get("name"));
        assertEquals(new Jsonc.Num("1"), config.get("n"));
        assertEquals(2, config.size());
    }

    @Test
    void commentMarksInsideStringsAreText() throws Jsonc.Malformed {
        Map<String, Object> config = object("""
                { "url": "https://containers.dev/features", "glob": "src/*.py /* not a comment */", "x": "//" }""");
        assertEquals("https://containers.dev/features", config.get("url"));
        assertEquals("src/*.py /* not a comment */", config.get("glob"));
        assertEquals("//", config.get("x"));
    }

    @Test
    void trailingCommasAreAllowedInObjectsAndLists() throws Jsonc.Malformed {
        Map<String, Object> config = object("""
                {
                    "extensions": ["ms-python.python", "ms-python.vscode-pylance",],
                    "empty": {},
                    "emptyList": [],
                    "features": { "a": {}, },
                }""");
        assertEquals(List.of("ms-python.python", "ms-python.vscode-pylance"), config.get("extensions"));
        assertEquals(Map.of(), config.get("empty"));
        assertEquals(List.of(), config.get("emptyList"));
        assertEquals(Map.of("a", Map.of()), config.get("features"));
    }

    @Test
    void escapesAreDecoded() throws Jsonc.Malformed {
        Map<String, Object> config = object("""
                { "q": "say \\"hi\\"", "b": "a\\\\b", "s": "a\\/b", "c": "\\b\\f\\n\\r\\t", "u": "caf\\u00e9 \\u001b[31m" }""");
        assertEquals("say \"hi\"", config.get("q"));
        assertEquals("a\\b", config.get("b"));
        assertEquals("a/b", config.get("s"));
        assertEquals("\b\f\n\r\t", config.get("c"));
        assertEquals("café \u001b[31m", config.get("u"));
    }

    @Test
    void valuesOfEveryKindKeepTheirOrderAndTheLastOfARepeatedNameWins() throws Jsonc.Malformed {
        Map<String, Object> config = object("""
                {"z": true, "a": false, "m": null, "n": -1.5e+3, "z": "again", "list": [1, [2], {"k": 0}]}""");
        assertTrue(config instanceof LinkedHashMap);
        assertEquals(List.of("z", "a", "m", "n", "list"), List.copyOf(config.keySet()));
        assertEquals("again", config.get("z"));
        assertEquals(Boolean.FALSE, config.get("a"));
        assertTrue(config.containsKey("m"));
        assertNull(config.get("m"));
        assertEquals(new Jsonc.Num("-1.5e+3"), config.get("n"));
        assertEquals(List.of(new Jsonc.Num("1"), List.of(new Jsonc.Num("2")), Map.of("k", new Jsonc.Num("0"))),
                config.get("list"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Jsonc.Malformed {
        assertEquals(Map.of("a", Boolean.TRUE), Jsonc.parse("\uFEFF{\"a\": true}"));
    }

    @Test
    void brokenTextIsOneMalformedNamingItsLine() {
        String[][] cases = {
            {"{\n\"a\": 1\n\"b\": 2}", "line 3: ',' or '}' expected, not '\"'"},
            {"{\"a\": }", "line 1: unexpected '}'"},
            {"{\"a\": 1", "line 1: the text ends inside an object"},
            {"{\"a\": \"open\n}", "line 1: a string is not closed on its line"},
            {"{} {}", "line 1: more after the end of the value"},
            {"{\"a\": 1} /* open", "line 1: a /* comment is not closed"},
            {"{'a': 1}", "line 1: a name in quotes expected, not '''"},
            {"{\"a\": \"\\x\"}", "line 1: unknown escape \\'x'"},
            {"{\"a\": \"\\u12\"}", "line 1: \\u needs four hex digits"},
            {"{\"a\": 01.}", "line 1: a number needs digits after '.'"},
            {"{\"a\": tru}", "line 1: unexpected 't'"},
            {"{\"a\": \u001b}", "line 1: unexpected U+001B"},
            {"", "line 1: the text ends where a value should be"},
            {"[,]", "line 1: unexpected ','"},
        };
        for (String[] c : cases) {
            Jsonc.Malformed e = assertThrows(Jsonc.Malformed.class, () -> Jsonc.parse(c[0]), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() throws Jsonc.Malformed {
        String ok = "[".repeat(Jsonc.MAX_DEPTH) + "]".repeat(Jsonc.MAX_DEPTH);
        Jsonc.parse(ok);
        Jsonc.Malformed e = assertThrows(Jsonc.Malformed.class,
                () -> Jsonc.parse("[".repeat(200_000) + "]".repeat(200_000)));
        assertEquals("line 1: nested more than " + Jsonc.MAX_DEPTH + " deep", e.getMessage());
    }
}
