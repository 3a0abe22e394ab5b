package dev.safepip.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a whole output the same on every machine, as uv's tests do with {@code context.filters()}: each value that
 * belongs to this machine or this run (a temporary folder, HOME, the Python, pip, pipx and JDK versions, the index's
 * port) becomes a placeholder such as {@code [TMP]} or {@code [PIP_VERSION]}, so one golden file holds for Debian 12
 * and 13, for root and for a normal user.
 *
 * <p>Literal values are replaced longest first, whatever the order they were added in: HOME lies inside the test's
 * folder, and {@code 3.11.2} must become {@code [PYTHON_VERSION]} before {@code 3.11} becomes {@code [PYTHON_MINOR]}.
 * Patterns run after every literal, in the order added.
 */
public final class OutputFilters {
    private record Literal(String value, String placeholder) {
    }

    private record Rule(Pattern pattern, String replacement) {
    }

    private final List<Literal> literals = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    /** Replaces every occurrence of {@code value}; an empty or missing value (a tool not installed) is skipped. */
    public OutputFilters literal(String value, String placeholder) {
        if (value != null && !value.isEmpty()) {
            literals.add(new Literal(value, placeholder));
        }
        return this;
    }

    /** A regular expression and its replacement (with $1 and such), for what has no fixed value, like a time. */
    public OutputFilters pattern(String regex, String replacement) {
        rules.add(new Rule(Pattern.compile(regex), replacement));
        return this;
    }

    public String apply(String text) {
        List<Literal> longestFirst = new ArrayList<>(literals);
        longestFirst.sort(Comparator.comparingInt((Literal l) -> l.value().length()).reversed());
        String out = text;
        for (Literal literal : longestFirst) {
            out = out.replace(literal.value(), literal.placeholder());
        }
        for (Rule rule : rules) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return out;
    }

    /**
     * safepip's stderr without pip's: after a line "safepip: running …" every line up to safepip's next line (one
     * starting "safepip") is the child's own (pip, venv, pipx), passed through untouched and worded differently by
     * each version (pip 23 warns where pip 25 is silent), so it is left out whole, leaving no trace of how much there
     * was. Safepip's own indented lines (a report's commands) come before any "running" line, so none is lost.
     */
    public static String withoutChildOutput(String stderr) {
        StringBuilder out = new StringBuilder();
        boolean child = false;
        String[] lines = stderr.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("safepip")) {
                child = line.startsWith("safepip: running ");
            } else if (child) {
                continue;
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Trailing spaces and blank lines at the end, as a terminal's screen pads them. */
    public static String trimScreen(String screen) {
        StringBuilder out = new StringBuilder();
        for (String line : screen.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        String trimmed = out.toString().stripTrailing();
        return trimmed.isEmpty() ? "" : trimmed + "\n";
    }

    /** For a value found in an output, e.g. the version a tool printed: the first group of the first match. */
    public static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
