package dev.safepip.pip;

import dev.safepip.python.ProjectName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement as the user typed it. Only a named one (`requests`, `requests[socks]>=2`) can go to pipx or a
 * system package manager; a path, URL or wheel file can only be installed by pip.
 *
 * @param name      the project name as typed, or null for a path or URL
 * @param specifier the version part (`>=2,<3`), or "" when none
 */
public record Requirement(String text, String name, String specifier) {
    private static final Pattern NAMED = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*])?\\s*"
            + "(?:([<>=!~][^;]*)|\\(\\s*([<>=!~][^)]*)\\))?\\s*(;.*)?");
    /** pip's archive extensions (is_archive_file): such a word is a file, whatever its case. */
    private static final Pattern ARCHIVE = Pattern.compile(
            "(?i).*\\.(zip|whl|tar\\.gz|tgz|tar|tar\\.bz2|tbz|tar\\.xz|txz|tlz|tar\\.lz|tar\\.lzma)");

    public static Requirement parse(String text) {
        String trimmed = text.strip();
        if (trimmed.contains("/") || trimmed.contains("://") || trimmed.startsWith(".")
                || ARCHIVE.matcher(trimmed).matches() || trimmed.contains("@")) {
            return new Requirement(text, null, "");
        }
        Matcher m = NAMED.matcher(trimmed);
        if (!m.matches()) {
            return new Requirement(text, null, "");
        }
        String specifier = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
        return new Requirement(text, m.group(1), specifier.strip());
    }

    public boolean named() {
        return name != null;
    }

    /** PEP 503 normalized name: lower case, runs of `-_.` as one `-`. */
    public String normalizedName() {
        return name == null ? null : ProjectName.normalize(name);
    }
}
