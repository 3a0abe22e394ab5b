package dev.safepip.system;

import dev.safepip.python.ProjectName;
import java.util.Map;
import java.util.regex.Pattern;

/** PEP 503 names, the only form in which PyPI names from pip, Debian's table and the user can be compared. */
final class PypiName {
    /** What a normalized name of a valid project looks like; anything else never reaches a command line. */
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private PypiName() {
    }

    static String normalize(String name) {
        return ProjectName.normalize(name);
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
