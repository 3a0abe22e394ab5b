package dev.safepip.pip;

import java.util.Locale;

/** PEP 503 project names, the one form in which names from the user, pip, wheels and Debian's table compare. */
public final class ProjectName {
    private ProjectName() {
    }

    /**
     * Lower case, runs of `-_.` as one `-`: `Ruamel.YAML` and `ruamel_yaml` are both `ruamel-yaml`. By hand, not
     * with a regex: Debian's table normalizes thousands of names while the user waits.
     */
    public static String normalize(String name) {
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
}
