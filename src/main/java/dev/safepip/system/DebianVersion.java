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

    /** 20230203 (tifffile) and 0.1.20221031 (regex): Debian's spelling of upstream's 2023.2.3 and 2022.10.31. */
    private static final Pattern DATE = Pattern.compile("(?:0\\.1\\.)?((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    /**
     * protobuf: Debian's python3-protobuf follows the C++ release (3.21.12), while the Python package on PyPI was
     * renumbered from 3.21 on: 4.21.x is C++ 3.21.x, 4.22 to 4.25 are C++ 22 to 25, 5.26 to 5.29 are 26 to 29,
     * 6.30 and later are 30 and later. Source: https://protobuf.dev/support/version-support/ (Python's column).
     */
    private static final Pattern PROTOBUF_3 = Pattern.compile("3\\.(2[1-9])\\.(\\d+)");
    private static final Pattern PROTOBUF_NEW = Pattern.compile("(\\d\\d)\\.(\\d+)");

    private DebianVersion() {
    }

    /**
     * Upstream's version on PyPI's scheme, or null when it cannot be told: the date schemes translated (unless
     * the specifier itself is written in eight-digit dates, then Debian's number is already the user's), and
     * the renumbered protobuf.
     */
    static String pypi(String debian, String normalizedProject, String specifier) {
        String upstream = upstream(debian);
        if (normalizedProject.equals("protobuf")) {
            Matcher old = PROTOBUF_3.matcher(upstream);
            if (old.matches()) {
                return "4." + old.group(1) + "." + old.group(2);
            }
            Matcher modern = PROTOBUF_NEW.matcher(upstream);
            if (modern.matches()) {
                int major = Integer.parseInt(modern.group(1));
                String python = major <= 25 ? "4" : major <= 29 ? "5" : "6";
                return major >= 22 ? python + "." + major + "." + modern.group(2) : null;
            }
            return upstream.startsWith("3.") ? upstream : null;
        }
        Matcher date = DATE.matcher(upstream);
        if (date.matches() && !EIGHT_DIGITS.matcher(specifier == null ? "" : specifier).find()) {
            int month = Integer.parseInt(date.group(2));
            int day = Integer.parseInt(date.group(3));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                return null;
            }
            return Integer.parseInt(date.group(1)) + "." + month + "." + day;
        }
        return upstream;
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
