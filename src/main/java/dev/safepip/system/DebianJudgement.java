package dev.safepip.system;

/**
 * Debian's judgement of a project, read from dh-python's table: the package it ships the project in. Debian packages
 * an application under its own name (black, yt-dlp, pre-commit) and a library as python3-&lt;name&gt;, which is
 * what safepip's application-or-library decision asks of it. Only the table: a guessed name judges nothing.
 */
public final class DebianJudgement {
    private DebianJudgement() {
    }

    /** The package Debian's table gives this (normalized) project name, or null when it does not list it. */
    public static String packageFor(String normalizedName) {
        return DebianPackageMap.load().packageFor(normalizedName);
    }
}
