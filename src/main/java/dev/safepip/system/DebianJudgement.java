package dev.safepip.system;

/**
 * Debian's judgement of a project: the package dh-python's table ships it in (Debian packages an application under
 * its own name, black, yt-dlp, pre-commit, and a library as python3-&lt;name&gt;), and, for a library package,
 * whether Debian also ships its command alone in a small package named after the project (flake8 beside
 * python3-flake8, ipython3 beside python3-ipython), with how many other Debian packages import the library. Both
 * are data generated from Debian (dh-python's table, the apt lists): the look asks no process, and a guessed name
 * judges nothing.
 */
public final class DebianJudgement {
    /**
     * Debian ships the command alone.
     *
     * @param command   the small package that carries only the command (flake8, pyflakes3)
     * @param library   the library package it depends on (python3-flake8)
     * @param importers how many other Debian packages depend on the library (not its own source's, not the
     *                  project's plugins)
     */
    public record Command(String command, String library, int importers) {
    }

    private DebianJudgement() {
    }

    /** The package Debian's table gives this (normalized) project name, or null when it does not list it. */
    public static String packageFor(String normalizedName) {
        return DebianPackageMap.load().packageFor(normalizedName);
    }

    /** Debian's command package for this (normalized) project name, or null when Debian ships none. */
    public static Command commandFor(String normalizedName) {
        return commandIn(DebianCommandData.lines(), normalizedName);
    }

    /**
     * The row for a name in "project command library importers" lines, by hand (the look's path loads no regex).
     * A malformed row judges nothing.
     */
    static Command commandIn(String lines, String normalizedName) {
        int at = 0;
        while (at < lines.length()) {
            int end = lines.indexOf('\n', at);
            if (end < 0) {
                end = lines.length();
            }
            String line = lines.substring(at, end).strip();
            at = end + 1;
            if (!line.startsWith(normalizedName + " ")) {
                continue;
            }
            String[] words = line.split(" ");
            if (words.length != 4) {
                return null;
            }
            try {
                return new Command(words[1], words[2], Integer.parseInt(words[3]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
