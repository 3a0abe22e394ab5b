package dev.safepip.python;

import dev.safepip.core.Ascii;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads INI text the way Python's configparser does with its defaults (strict, no interpolation), because pip reads
 * EXTERNALLY-MANAGED and pip.conf with it: keys are lower-cased, `=` or `:` separate, indented lines continue a
 * value, whole-line `#` and `;` comments, and text before the first section, a line that is not an option, or a
 * duplicate section or key is an error.
 * <p>Matched by hand, as the regular expressions {@code \[(.+)]} (at the start) and {@code (.*?)\s*[=:]\s*(.*)} (the
 * whole line) would: every blocked install reads its marker with this, and on JDK 17 a first regex costs
 * milliseconds.
 */
public final class IniParser {

    /** The text is not INI as configparser accepts it. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message);
        }
    }

    private IniParser() {
    }

    /** Sections in order, each a map of lower-cased key to value (continuation lines joined with '\n'). */
    public static Map<String, Map<String, String>> parse(String text) throws ParseError {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, StringBuilder> current = null;
        Map<String, Map<String, StringBuilder>> building = new LinkedHashMap<>();
        StringBuilder value = null;
        int valueIndent = -1;
        int number = 0;
        for (String line : lines(text)) {
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
            int close = sectionEnd(stripped);
            if (close > 0) {
                String name = stripped.substring(1, close);
                if (building.containsKey(name)) {
                    throw new ParseError("line " + number + ": section [" + name + "] appears twice");
                }
                current = new LinkedHashMap<>();
                building.put(name, current);
                value = null;
                continue;
            }
            if (current == null) {
                throw new ParseError("line " + number + ": text before the first [section]");
            }
            int delimiter = delimiter(stripped);
            int keyEnd = delimiter;
            while (keyEnd > 0 && Ascii.isSpace(stripped.charAt(keyEnd - 1))) {
                keyEnd--;
            }
            if (keyEnd <= 0) {
                throw new ParseError("line " + number + ": not a 'key = value' line");
            }
            int valueStart = delimiter + 1;
            while (valueStart < stripped.length() && Ascii.isSpace(stripped.charAt(valueStart))) {
                valueStart++;
            }
            String key = stripped.substring(0, keyEnd).strip().toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                throw new ParseError("line " + number + ": key '" + key + "' appears twice");
            }
            value = new StringBuilder(stripped.substring(valueStart));
            valueIndent = indent;
            current.put(key, value);
        }
        for (Map.Entry<String, Map<String, StringBuilder>> section : building.entrySet()) {
            Map<String, String> done = new LinkedHashMap<>();
            // configparser drops the blank lines that end a multi-line value.
            for (Map.Entry<String, StringBuilder> option : section.getValue().entrySet()) {
                done.put(option.getKey(), option.getValue().toString().stripTrailing());
            }
            sections.put(section.getKey(), done);
        }
        return sections;
    }

    /** The text split at "\r\n", "\n" and "\r", keeping empty lines (the end of the text ends the last one). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /**
     * The index of the ']' that ends a section header's name ({@code \[(.+)]} at the start: the last ']' before any
     * line-terminator character, with a name of at least one character), or -1 when the line is no header.
     */
    private static int sectionEnd(String line) {
        if (!line.startsWith("[")) {
            return -1;
        }
        int end = line.length();
        for (int i = 1; i < line.length(); i++) {
            if (Ascii.isLineTerminator(line.charAt(i))) {
                end = i;
                break;
            }
        }
        int close = line.lastIndexOf(']', end - 1);
        return close >= 2 ? close : -1;
    }

    /** The first '=' or ':' when the whole line can be an option ({@code .} crosses no line terminator), else -1. */
    private static int delimiter(String line) {
        int found = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Ascii.isLineTerminator(c)) {
                return -1;
            }
            if (found < 0 && (c == '=' || c == ':')) {
                found = i;
            }
        }
        return found;
    }

}
