package dev.safepip.system;

import dev.safepip.process.SearchPath;
import java.nio.file.Path;
import java.util.Map;

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
    private static final String[][] MENTIONS = {
        {"apt", "Debian", "Ubuntu", "Raspbian", "Raspberry Pi OS"},
        {"dnf", "Fedora"},
        {"pacman", "Arch", "Manjaro"},
        {"apk", "Alpine"},
        {"brew", "Homebrew"},
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
            for (String word : MENTIONS[i]) {
                int at = firstAsWord(markerText, word);
                if (at >= 0 && at < bestAt) {
                    best = i;
                    bestAt = at;
                }
            }
        }
        return best;
    }

    /**
     * Where the word first stands alone (between word boundaries, as a regex's \b sees them in the Basic
     * Multilingual Plane), or -1. By hand: every blocked install reads its marker, and on JDK 17 a first regex
     * costs milliseconds.
     */
    static int firstAsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordPart(text, at - 1)) && (end == text.length() || !isWordPart(text, end))) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Whether the character at i belongs to a word for \b: a letter, digit or '_', or a combining mark that follows
     * a letter or digit (through other marks).
     */
    private static boolean isWordPart(String text, int i) {
        int c = text.charAt(i);
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        for (int x = i; x >= 0 && Character.getType(text.charAt(x)) == Character.NON_SPACING_MARK; x--) {
            if (x > 0 && Character.isLetterOrDigit(text.charAt(x - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The name of the manager the marker mentions first ("apt", "brew"…), or null. */
    public static String mentionedIn(String markerText) {
        int named = namedBy(markerText);
        return named < 0 ? null : NAMES[named];
    }

    private static PackageManager create(int index, SearchPath path, Map<String, String> env, Path cacheDir) {
        return switch (index) {
            case 0 -> new Apt(path.find("apt-cache"), path.find("apt-get"), env, cacheDir);
            case 1 -> NamingRule.DNF;
            case 2 -> NamingRule.PACMAN;
            case 3 -> NamingRule.APK;
            default -> NamingRule.BREW;
        };
    }
}
