package dev.safepip.python;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads INI text the way Python's configparser does with its defaults (strict, no interpolation), because pip reads
 * EXTERNALLY-MANAGED and pip.conf with it: keys are lower-cased, `=` or `:` separate, indented lines continue a
 * value, whole-line `#` and `;` comments, and text before the first section, a line that is not an option, or a
 * duplicate section or key is an error.
 */
public final class IniParser {
    private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*[=:]\\s*(.*)");

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
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group(1).isEmpty()) {
                throw new ParseError("line " + number + ": not a 'key = value' line");
            }
            String key = option.group(1).strip().toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                throw new ParseError("line " + number + ": key '" + key + "' appears twice");
            }
            value = new StringBuilder(option.group(2));
            valueIndent = indent;
            current.put(key, value);
        }
        building.forEach((name, options) -> {
            Map<String, String> done = new LinkedHashMap<>();
            // configparser drops the blank lines that end a multi-line value.
            options.forEach((key, text2) -> done.put(key, text2.toString().stripTrailing()));
            sections.put(name, done);
        });
        return sections;
    }
}
