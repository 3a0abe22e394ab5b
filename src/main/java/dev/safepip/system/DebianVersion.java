package dev.safepip.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Debian version (`[epoch:]upstream[-revision]`) back into the upstream one, the only part that PEP 440
 * specifiers can be held against: `1:2.28.1+dfsg-1` is 2.28.1, `3.0.0~rc1-1` is 3.0.0rc1.
 */
final class DebianVersion {
    private static final Pattern EPOCH = Pattern.compile("^\\d+:");
    /** `~` sorts before everything in Debian: followed by a pre-release word it is PEP 440's pre-release. */
    private static final Pattern TILDE = Pattern.compile("~([A-Za-z]*)");
    private static final Pattern PRE_RELEASE = Pattern.compile("(?i)a|b|c|rc|alpha|beta|pre|preview|dev");
    /** Repacked upstream tarballs: nothing upstream ever released. */
    private static final Pattern REPACK = Pattern.compile("(?i)dfsg|ds|repack");

    private DebianVersion() {
    }

    static String upstream(String debian) {
        String version = EPOCH.matcher(debian.strip()).replaceFirst("");
        int dash = version.lastIndexOf('-');
        if (dash > 0) {
            version = version.substring(0, dash);
        }
        // 2.0+really1.9: Debian went back to 1.9 but had to keep the version rising; 1.9 is what is inside.
        int really = version.indexOf("+really");
        if (really >= 0) {
            version = version.substring(really + "+really".length());
        }
        // +dfsg, +ds1, +git20230101.abc, +b1: Debian's additions after an upstream release.
        int plus = version.indexOf('+');
        if (plus > 0) {
            version = version.substring(0, plus);
        }
        Matcher tilde = TILDE.matcher(version);
        if (!tilde.find()) {
            return version;
        }
        String word = tilde.group(1);
        if (PRE_RELEASE.matcher(word).matches()) {
            return version.substring(0, tilde.start()) + version.substring(tilde.start() + 1);
        }
        String before = version.substring(0, tilde.start());
        // 1.0~git2020…: a snapshot before 1.0, which PEP 440 calls a development release of it.
        return REPACK.matcher(word).matches() ? before : before + ".dev0";
    }
}
