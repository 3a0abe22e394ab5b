package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The `key=value` lines of a note safepip left in its state folder before it changed something (a venv being made,
 * a pipx environment being installed), read the one way both kinds of note are read: bounded, and a note that cannot
 * be read, or whose time is not a number, is no note at all — it proves nothing, so nothing is removed on its word.
 */
final class NoteText {
    private final Map<String, String> values;

    private NoteText(Map<String, String> values) {
        this.values = values;
    }

    /** The note at path, or null when there is none or it cannot be read. */
    static NoteText read(Path path) {
        String text;
        try {
            text = new String(BoundedFile.read(path, 4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new NoteText(values);
    }

    /** The value as written, or null. */
    String raw(String key) {
        return values.get(key);
    }

    /** The value without surrounding blanks, or null. */
    String text(String key) {
        String value = values.get(key);
        return value == null ? null : value.strip();
    }

    /** true or false, or null when the note does not say. */
    Boolean flag(String key) {
        String value = text(key);
        return value == null ? null : Boolean.parseBoolean(value);
    }

    /** The time in epoch milliseconds, or null when absent or not a number. */
    Instant time(String key) {
        String value = text(key);
        try {
            return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
