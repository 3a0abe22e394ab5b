package dev.safepip.core;

import java.util.List;
import java.util.regex.Pattern;

/** Shows an argv as a line a POSIX shell would run as the same argv, so the user can copy and paste it. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuote() {
    }

    public static String word(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return forceQuote(word);
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
