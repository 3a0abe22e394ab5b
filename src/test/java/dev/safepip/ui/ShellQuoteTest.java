package dev.safepip.ui;

import dev.safepip.core.ShellQuote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.safepip.core.RandomText;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pip", "/usr/bin/python3", "install", "--index-url=https://example.org/simple",
            "requests==2.31.0", "-r", "a_b.c-d", "user@host:path", "100%", "a+b,c"})
    void safeWordsStayAsTheyAre(String word) {
        assertEquals(word, ShellQuote.word(word));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a b              | 'a b'
            $HOME            | '$HOME'
            a;b              | 'a;b'
            `id`             | '`id`'
            requests>=2      | 'requests>=2'
            pkg[extra]       | 'pkg[extra]'
            ~/venv           | '~/venv'
            *                | '*'
            """)
    void unsafeWordsAreSingleQuoted(String word, String quoted) {
        assertEquals(quoted, ShellQuote.word(word));
    }

    @Test
    void quotesInsideAreEscapedTheShellWay() {
        assertEquals("'it'\\''s'", ShellQuote.word("it's"));
        assertEquals("''", ShellQuote.word(""));
        assertEquals("'\"q\"'", ShellQuote.word("\"q\""));
    }

    @Test
    void aLineJoinsWordsWithSpaces() {
        assertEquals("/usr/bin/pip install 'a b' '' x",
                ShellQuote.line(List.of("/usr/bin/pip", "install", "a b", "", "x")));
        assertEquals("", ShellQuote.line(List.of()));
    }

    @Test
    void aRealShellGivesBackTheSameWords() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        List<String> words = List.of("a b", "it's", "$(rm -rf x)", ";", "", "line1\nline2", "`touch y`", "*",
                "~", "\"double\"", "back\\slash", "tab\there", "\u00fcn\u00efc\u00f8d\u00e9 \u2713", "''", "'",
                "$HOME", "a\\'b", "-n", "%s", "!x", "{a,b}", "x=1", "#hash", "&", "|", ">out", "<in", "(", ")");
        Files.createDirectory(tmp.resolve("x"));
        // The line goes to the shell on its stdin, as UTF-8 bytes: an argv would be encoded by this JVM's locale,
        // which turns every non-ASCII letter into '?' where no LANG is set (a Debian 13 container).
        Process process = new ProcessBuilder("/bin/sh", "-s").directory(tmp.toFile()).redirectErrorStream(true)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(("printf '%s\\0' " + ShellQuote.line(words) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\0"), text);
        assertEquals(words, Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1)));
        assertTrue(Files.isDirectory(tmp.resolve("x")), "nothing ran");
        assertTrue(Files.notExists(tmp.resolve("y")), "nothing ran");
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing was redirected");
    }

    @Test
    void aFirstWordThatLooksLikeAnAssignmentIsQuoted() throws IOException, InterruptedException {
        String line = ShellQuote.line(List.of("SAFEPIP_TEST=1", "true"));
        Process process = new ProcessBuilder("/bin/sh", "-c", line).directory(tmp.toFile())
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(new ByteArrayOutputStream());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(127, process.exitValue(), "the shell must look for a command named SAFEPIP_TEST=1");
    }

    @Test
    void aWordIsLeftBareExactlyWhenTheRegexCalledItSafe() {
        for (String word : RandomText.strings(9, "aZ9_./:=@%+,-' \"$é", 40_000, 5)) {
            String expected = !word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word
                    : "'" + word.replace("'", "'\\''") + "'";
            assertEquals(expected, ShellQuote.word(word), word);
        }
    }
}
