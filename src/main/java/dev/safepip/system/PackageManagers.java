package dev.safepip.system;

import dev.safepip.process.SearchPath;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the package manager the system route should use. The marker's prose usually says it ("try apt install
 * python3-xyz", "try brew install xyz"), and the tool must be installed to be offered; when the marker names
 * none that is on PATH, the first one on PATH wins, distribution managers before Homebrew (Linuxbrew on a
 * Debian machine does not manage its /usr/bin/python3).
 */
public final class PackageManagers {
    /** The tool that must be on PATH for each manager, in order of preference. */
    private static final String[] TOOLS = {"apt-get", "dnf", "pacman", "apk", "brew"};
    private static final String[] NAMES = {"apt", "dnf", "pacman", "apk", "brew"};
    /**
     * What a marker says for each manager, same order. Case matters: "Arch" the distribution, not "arch"; the
     * commands stay untranslated even in localized prose.
     */
    private static final Pattern[] MENTIONS = {
        Pattern.compile("\\bapt(?:-get)?\\b|\\bDebian\\b|\\bUbuntu\\b|\\bRaspbian\\b|\\bRaspberry Pi OS\\b"),
        Pattern.compile("\\bdnf\\b|\\bFedora\\b"),
        Pattern.compile("\\bpacman\\b|\\bArch\\b|\\bManjaro\\b"),
        Pattern.compile("\\bapk\\b|\\bAlpine\\b"),
        Pattern.compile("\\bbrew\\b|\\bHomebrew\\b"),
    };

    private PackageManagers() {
    }

    /**
     * @param markerText the marker's message as pip would show it, or null
     * @param env        the environment for the processes apt needs
     * @return the manager to offer, or null when none of them is installed
     */
    public static PackageManager detect(SearchPath path, String markerText, Map<String, String> env) {
        return detect(path, markerText, env, null);
    }

    /** @param cacheDir safepip's cache folder, where apt may keep a package cache when the system keeps none */
    public static PackageManager detect(SearchPath path, String markerText, Map<String, String> env,
                                        Path cacheDir) {
        Path[] found = new Path[TOOLS.length];
        int first = -1;
        for (int i = 0; i < TOOLS.length; i++) {
            found[i] = path.find(TOOLS[i]);
            if (found[i] != null && first < 0) {
                first = i;
            }
        }
        int named = namedBy(markerText);
        int chosen = named >= 0 && found[named] != null ? named : first;
        return chosen < 0 ? null : create(chosen, path, env, cacheDir);
    }

    /** The manager the marker mentions first, by its index, or -1 when it mentions none. */
    static int namedBy(String markerText) {
        if (markerText == null) {
            return -1;
        }
        int best = -1;
        int bestAt = Integer.MAX_VALUE;
        for (int i = 0; i < MENTIONS.length; i++) {
            Matcher m = MENTIONS[i].matcher(markerText);
            if (m.find() && m.start() < bestAt) {
                best = i;
                bestAt = m.start();
            }
        }
        return best;
    }

    /** The name of the manager the marker mentions first ("apt", "brew"…), or null. */
    public static String mentionedIn(String markerText) {
        int named = namedBy(markerText);
        return named < 0 ? null : NAMES[named];
    }

    private static PackageManager create(int index, SearchPath path, Map<String, String> env, Path cacheDir) {
        return switch (index) {
            case 0 -> new Apt(path.find("apt-cache"), env, cacheDir);
            case 1 -> NamingRule.DNF;
            case 2 -> NamingRule.PACMAN;
            case 3 -> NamingRule.APK;
            default -> NamingRule.BREW;
        };
    }
}
