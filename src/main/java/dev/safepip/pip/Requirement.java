package dev.safepip.pip;

import dev.safepip.core.Ascii;
import dev.safepip.python.ProjectName;

/**
 * A requirement as the user typed it. Only a named one (`requests`, `requests[socks]>=2`) can go to pipx or a
 * system package manager; a path, URL or wheel file can only be installed by pip.
 *
 * @param name      the project name as typed, or null for a path or URL
 * @param specifier the version part (`>=2,<3`), or "" when none
 */
public record Requirement(String text, String name, String specifier) {
    /** pip's archive extensions (is_archive_file): such a word is a file, whatever its case. */
    private static final String[] ARCHIVES = {".zip", ".whl", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz",
        ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"};

    public static Requirement parse(String text) {
        String trimmed = text.strip();
        if (trimmed.contains("/") || trimmed.contains("://") || trimmed.startsWith(".") || isArchive(trimmed)
                || trimmed.contains("@")) {
            return new Requirement(text, null, "");
        }
        return named(text, trimmed);
    }

    /**
     * Matched by hand as the regular expression
     * {@code ([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*])?\s*(?:([<>=!~][^;]*)|\(\s*([<>=!~][^)]*)\))?\s*(;.*)?}
     * would match the whole text: every blocked install parses its requirements, and on JDK 17 a first regex costs
     * milliseconds. Unnamed (a path or URL) when it does not match.
     */
    private static Requirement named(String text, String trimmed) {
        Requirement unnamed = new Requirement(text, null, "");
        if (trimmed.isEmpty() || !Ascii.isLetterOrDigit(trimmed.charAt(0))) {
            return unnamed;
        }
        int at = 1;
        while (at < trimmed.length() && isNameChar(trimmed.charAt(at))) {
            at++;
        }
        // The name ends on a letter or digit; a trailing . _ or - could match nothing after it.
        if (!Ascii.isLetterOrDigit(trimmed.charAt(at - 1))) {
            return unnamed;
        }
        String name = trimmed.substring(0, at);
        at = Ascii.skipSpaces(trimmed, at);
        if (at < trimmed.length() && trimmed.charAt(at) == '[') {
            int close = trimmed.indexOf(']', at + 1);
            if (close < 0) {
                return unnamed;
            }
            at = Ascii.skipSpaces(trimmed, close + 1);
        }
        String specifier = "";
        if (at < trimmed.length() && isComparison(trimmed.charAt(at))) {
            int semicolon = trimmed.indexOf(';', at);
            int end = semicolon < 0 ? trimmed.length() : semicolon;
            specifier = trimmed.substring(at, end);
            at = end;
        } else if (at < trimmed.length() && trimmed.charAt(at) == '(') {
            int open = Ascii.skipSpaces(trimmed, at + 1);
            int close = trimmed.indexOf(')', open);
            if (open >= trimmed.length() || !isComparison(trimmed.charAt(open)) || close < 0) {
                return unnamed;
            }
            specifier = trimmed.substring(open, close);
            at = Ascii.skipSpaces(trimmed, close + 1);
        }
        if (at < trimmed.length() && (trimmed.charAt(at) != ';' || Ascii.hasLineTerminator(trimmed.substring(at)))) {
            return unnamed;
        }
        return new Requirement(text, name, specifier.strip());
    }

    private static boolean isNameChar(char c) {
        return Ascii.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isComparison(char c) {
        return c == '<' || c == '>' || c == '=' || c == '!' || c == '~';
    }

    /** {@code (?i).*\.(zip|whl|…)}: the whole word, so not across a line break. */
    private static boolean isArchive(String word) {
        if (Ascii.hasLineTerminator(word)) {
            return false;
        }
        for (String extension : ARCHIVES) {
            if (Ascii.endsWithIgnoringCase(word, extension)) {
                return true;
            }
        }
        return false;
    }

    public boolean named() {
        return name != null;
    }

    /** PEP 503 normalized name: lower case, runs of `-_.` as one `-`. */
    public String normalizedName() {
        return name == null ? null : ProjectName.normalize(name);
    }
}
