package dev.safepip.system;

import dev.safepip.core.Ascii;
import dev.safepip.python.ProjectName;
import java.util.Map;

/** PEP 503 names, the only form in which PyPI names from pip, Debian's table and the user can be compared. */
final class PypiName {
    /** What a normalized name of a valid project looks like; anything else never reaches a command line. */
    private PypiName() {
    }

    static String normalize(String name) {
        return ProjectName.normalize(name);
    }

    /**
     * Whether a normalized name is safe to build package names and apt patterns from (no option, no regex):
     * [a-z0-9] and inner '-' only, checked by hand as a regex would cost milliseconds on a blocked install.
     */
    static boolean plain(String normalized) {
        if (normalized.isEmpty() || normalized.charAt(0) == '-' || normalized.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!(c >= 'a' && c <= 'z' || Ascii.isDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
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
