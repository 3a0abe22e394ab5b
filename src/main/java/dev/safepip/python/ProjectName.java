package dev.safepip.python;

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

    /** Whether name is already a PEP 503 normalized project name, such as safepip writes into its ledger. */
    public static boolean isNormalized(String name) {
        if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(name.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && name.charAt(i - 1) != '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
