package dev.safepip.wheel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The login and password ~/.netrc gives a host (or its `default`), as requests reads it for pip. */
final class Netrc {
    private Netrc() {
    }

    /** "login:password", or null when the file or the host is not there. */
    static String credentials(Path file, String host) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        String[] words = dev.safepip.core.BoundedFile.text(file, 1 << 20).split("\\s+");
        String match = null;
        String fallback = null;
        String machine = null;
        String login = null;
        String password = null;
        for (int i = 0; i <= words.length; i++) {
            String word = i < words.length ? words[i] : "machine";
            if (word.equals("machine") || word.equals("default")) {
                String found = machine == null ? null : (login == null ? "" : login) + ":"
                        + (password == null ? "" : password);
                if (found != null && machine.equalsIgnoreCase(host) && match == null) {
                    match = found;
                } else if (found != null && machine.isEmpty() && fallback == null) {
                    fallback = found;
                }
                machine = word.equals("default") ? "" : i + 1 < words.length ? words[++i] : null;
                login = null;
                password = null;
            } else if (word.equals("login") && i + 1 < words.length) {
                login = words[++i];
            } else if (word.equals("password") && i + 1 < words.length) {
                password = words[++i];
            }
        }
        return match != null ? match : fallback;
    }
}
