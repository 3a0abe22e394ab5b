package dev.safepip.python;

import java.nio.file.Path;

/**
 * What pip would say about an EXTERNALLY-MANAGED marker.
 *
 * @param path    the marker file
 * @param text    the distributor's message for the user's language, or pip's default text; raw, not yet sanitized
 * @param key     the key the text came from (such as "Error-de"), or null for pip's default text
 * @param problem why the default text is used (no section, no key, unreadable, not UTF-8, not INI), or null
 */
public record MarkerMessage(Path path, String text, String key, String problem) {
}
