package dev.safepip.core;

import java.util.List;

/** Shows an argv as a line a POSIX shell would run as the same argv, so the user can copy and paste it. */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String word(String word) {
        return !word.isEmpty() && safe(word) ? word : forceQuote(word);
    }

    /** Only [A-Za-z0-9_./:=@%+,-]: checked by hand, as every blocked install prints commands. */
    private static boolean safe(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Ascii.isLetterOrDigit(c) && "_./:=@%+,-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String forceQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String line(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            // A first word with '=' would be a variable assignment to the shell, not the command.
            boolean first = line.length() == 0;
            line.append(first ? "" : " ").append(first && word.contains("=") ? forceQuote(word) : word(word));
        }
        return line.toString();
    }
}
