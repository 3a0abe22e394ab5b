package dev.safepip.system;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** PEP 503 names, the only form in which PyPI names from pip, Debian's table and the user can be compared. */
final class PypiName {
    /** What a normalized name of a valid project looks like; anything else never reaches a command line. */
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private PypiName() {
    }

    /**
     * Lower case, runs of `-_.` as one `-`: `Ruamel.YAML` and `ruamel_yaml` are both `ruamel-yaml`. By hand, not
     * with a regex: Debian's table normalizes five thousand names while the user waits.
     */
    static String normalize(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inSeparator = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inSeparator) {
                    out.append('-');
                }
                inSeparator = true;
            } else {
                out.append(c);
                inSeparator = false;
            }
        }
        return out.toString();
    }

    /** Whether a normalized name is safe to build package names and apt patterns from (no option, no regex). */
    static boolean plain(String normalized) {
        return PLAIN.matcher(normalized).matches();
    }

    /** prefix + normalized name, without doubling a python- the project already has (python-dateutil). */
    static String prefixed(String prefix, String pypiName, Map<String, String> exceptions) {
        String name = normalize(pypiName);
        if (!plain(name)) {
            return null;
        }
        String exception = exceptions.get(name);
        if (exception != null) {
            return exception;
        }
        String bare = name.startsWith("python-") && name.length() > "python-".length()
                ? name.substring("python-".length()) : name;
        return prefix + bare;
    }
}
