package dev.safepip.pip;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Recognises pip's PEP 668 refusal in its stderr from the stable token pip renders, `error:
 * externally-managed-environment`, with or without colour codes, whatever the distribution's text below it.
 */
public final class RefusalScanner implements Consumer<String> {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final Pattern TOKEN = Pattern.compile("^\\s*error:\\s*externally-managed-environment\\s*$",
            Pattern.CASE_INSENSITIVE);

    private volatile boolean seen;

    @Override
    public void accept(String line) {
        if (!seen && isRefusal(line)) {
            seen = true;
        }
    }

    public boolean seen() {
        return seen;
    }

    public static boolean isRefusal(String line) {
        return TOKEN.matcher(ANSI.matcher(line).replaceAll("")).matches();
    }
}
