package dev.safepip.config;

import dev.safepip.core.SafepipException;
import dev.safepip.core.BoundedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * safepip's config file, `${XDG_CONFIG_HOME:-~/.config}/safepip/config`: `key = value` lines, `#` comments.
 * An unknown key is an error, so that a typo does not silently do nothing.
 */
public final class ConfigFile {
    static final Set<String> KEYS = Set.of("via", "venv", "yes", "prefer");
    /** A config file is a few lines; more than this is a mistake or a hostile file, not a config. */
    static final int MAX_BYTES = 64 * 1024;

    /** A value and the line it was on. */
    public record Entry(String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;

    private ConfigFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    public static ConfigFile read(Path path) {
        String text;
        try {
            byte[] bytes = BoundedFile.read(path, MAX_BYTES);
            if (bytes.length > MAX_BYTES) {
                throw SafepipException.usage(path + " is larger than " + MAX_BYTES / 1024 + " KB; a safepip config "
                        + "file is a few lines", "fix or remove that file");
            }
            // Lenient: a stray byte is reported as an unknown key or value on its line, not as a decoding error.
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ConfigFile(path, Map.of());
        } catch (BoundedFile.NotRegular e) {
            throw SafepipException.usage(path + " is not a regular file", "make it a file of 'key = value' lines, "
                    + "or remove it");
        } catch (IOException e) {
            throw SafepipException.usage("cannot read " + path + ": " + describe(e), "fix or remove that file");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int eq = content.indexOf('=');
            if (eq <= 0) {
                throw SafepipException.usage(path + " line " + number + ": expected 'key = value'",
                        "known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            String key = content.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw SafepipException.usage(path + " line " + number + ": unknown key '" + key + "'",
                        "known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            Entry earlier = entries.put(key, new Entry(content.substring(eq + 1).strip(), number));
            if (earlier != null) {
                throw SafepipException.usage(path + " line " + number + ": '" + key + "' is already set on line "
                        + earlier.line(), "keep one of the two lines");
            }
        }
        return new ConfigFile(path, entries);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    public Entry get(String key) {
        return entries.get(key);
    }

    public String describe(String key) {
        return path + " line " + entries.get(key).line();
    }
}
