package dev.safepip.rescue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The index options of this run's environment (PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, PIP_TRUSTED_HOST,
 * PIP_NO_INDEX), as pip's own command-line options. A rescue's or an undo's pip may run under `sudo`, which drops
 * every PIP_* variable (and reads root's pip.conf, not the user's): pip would then ask the public index, which may
 * lack the package or its version. Written out on the command line, the user's index goes with the command.
 */
final class IndexOptions {
    private IndexOptions() {
    }

    static List<String> of(Map<String, String> env) {
        List<String> options = new ArrayList<>();
        String noIndex = env.get("PIP_NO_INDEX");
        if (noIndex != null && (noIndex.equalsIgnoreCase("1") || noIndex.equalsIgnoreCase("true")
                || noIndex.equalsIgnoreCase("yes") || noIndex.equalsIgnoreCase("on"))) {
            options.add("--no-index");
        }
        add(options, "--index-url", env.get("PIP_INDEX_URL"), true);
        add(options, "--extra-index-url", env.get("PIP_EXTRA_INDEX_URL"), false);
        add(options, "--find-links", env.get("PIP_FIND_LINKS"), false);
        add(options, "--trusted-host", env.get("PIP_TRUSTED_HOST"), false);
        return options;
    }

    /** pip splits a list-valued variable on whitespace; a single-valued one is taken whole. */
    private static void add(List<String> options, String option, String value, boolean single) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (single) {
            options.add(option);
            options.add(value.strip());
            return;
        }
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean space = i == value.length() || Character.isWhitespace(value.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                options.add(option);
                options.add(value.substring(start, i));
                start = -1;
            }
        }
    }
}
