package dev.safepip.system;

import java.util.ArrayList;
import java.util.List;

/**
 * What apt says it would do, read from `apt-get -s` (simulate) under the C locale: one line per action, `Inst NAME
 * …`, `Remv NAME [version]`, `Purg NAME …`, `Conf NAME …`. Those words are apt's own debugging format, never
 * translated. safepip asks before every install and removal what else apt would remove: a removal is what harms
 * (`apt-get install sysvinit-core` removes systemd-sysv; `apt-get remove python3-six` removes
 * software-properties-common), and `-y` would let it happen without a word.
 *
 * @param removed   every package apt would remove or purge, without its architecture suffix, in apt's order
 * @param installed every package apt would install or upgrade, the same way
 */
public record AptSimulation(List<String> removed, List<String> installed) {

    /** Reads apt-get -s's standard output. Plain loops: a blocked install runs this, with no regex loaded. */
    public static AptSimulation parse(String output) {
        List<String> removed = new ArrayList<>();
        List<String> installed = new ArrayList<>();
        int start = 0;
        while (start < output.length()) {
            int end = output.indexOf('\n', start);
            if (end < 0) {
                end = output.length();
            }
            String line = output.substring(start, end);
            start = end + 1;
            if (line.startsWith("Remv ") || line.startsWith("Purg ")) {
                addName(removed, line);
            } else if (line.startsWith("Inst ")) {
                addName(installed, line);
            }
        }
        return new AptSimulation(List.copyOf(removed), List.copyOf(installed));
    }

    /** The packages apt would remove beyond those named (the named ones are what the user asked to remove). */
    public List<String> removedBeyond(List<String> named) {
        List<String> extra = new ArrayList<>();
        for (String name : removed) {
            if (!named.contains(name)) {
                extra.add(name);
            }
        }
        return extra;
    }

    /** The word after the action, less `:amd64` (multiarch packages are named so). */
    private static void addName(List<String> names, String line) {
        int from = 5;
        int to = line.indexOf(' ', from);
        String word = to < 0 ? line.substring(from) : line.substring(from, to);
        int colon = word.indexOf(':');
        String name = colon < 0 ? word : word.substring(0, colon);
        if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
        }
    }

    /**
     * Whether a word is a Debian package name as policy 5.6.1 allows: lower-case letters, digits, `+`, `-`, `.`, at
     * least two characters, starting with a letter or digit. Anything else (an option, a path, a glob, a regex
     * apt-get would expand) is never given to apt-get.
     */
    public static boolean isPackageName(String word) {
        if (word == null || word.length() < 2 || word.length() > 200) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '+' && c != '-' && c != '.')) {
                return false;
            }
        }
        return true;
    }
}
