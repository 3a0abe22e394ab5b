package dev.safepip.python;

import dev.safepip.core.Ascii;
import dev.safepip.process.SearchPath;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python interpreter a console script like pip runs under, read from its first lines, as the kernel would:
 * `#!/usr/bin/python3`, `#!/usr/bin/env python3`, and pip's own form for paths too long for a shebang
 * (`#!/bin/sh` then `'''exec' "/long/path/python" "$0" "$@"`).
 */
public final class Shebang {
    private static final class LongForm {
        static final Pattern PATTERN = Pattern.compile("^'''exec' \"?([^\"]+?)\"? \"\\$0\" \"\\$@\"", Pattern.MULTILINE);
    }

    private Shebang() {
    }

    /** The interpreter path, or null when the file is not a Python script this can read with certainty. */
    public static Path interpreterOf(Path script, SearchPath path) {
        String head;
        try (InputStream in = new FileInputStream(script.toFile())) {
            head = new String(in.readNBytes(1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        if (!head.startsWith("#!")) {
            return null;
        }
        int end = head.indexOf('\n');
        List<String> words = words(end < 0 ? head.substring(2) : head.substring(2, end));
        if (words.isEmpty()) {
            return null;
        }
        String program = words.get(0);
        if (program.endsWith("/env")) {
            int at = 1;
            while (at < words.size() && words.get(at).startsWith("-")) {
                at++;
            }
            if (at >= words.size() || !isPythonName(words.get(at))) {
                return null;
            }
            return path.find(words.get(at));
        }
        if (isPythonName(Path.of(program).getFileName().toString())) {
            return Path.of(program);
        }
        if (program.equals("/bin/sh")) {
            Matcher longForm = LongForm.PATTERN.matcher(head);
            if (longForm.find() && isPythonName(Path.of(longForm.group(1)).getFileName().toString())) {
                return Path.of(longForm.group(1));
            }
        }
        return null;
    }

    /** The line's words between runs of ASCII whitespace (a regex's \\s+), split by hand. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Ascii.isSpace(line.charAt(i));
            if (space && start >= 0) {
                words.add(line.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }


    /** python, python3, python3.11: checked by hand, as a regex costs startup time on every pip call. */
    public static boolean isPythonName(String fileName) {
        return fileName.startsWith("python") && Ascii.digitsAndDots(fileName, "python".length());
    }
}
