package dev.safepip.python;

import dev.safepip.core.BoundedFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an EXTERNALLY-MANAGED marker as pip's ExternallyManagedEnvironment.from_config does: section
 * [externally-managed], key Error-&lt;lang_REGION&gt;, then Error-&lt;lang&gt;, then Error; pip's default text when the
 * file cannot be read, decoded or parsed, or has no such key. A marker that says nothing useful still blocks.
 */
public final class MarkerReader {
    /** Markers are a few lines; reading more than this only serves a hostile file. */
    static final int MAX_BYTES = 1 << 20;

    private MarkerReader() {
    }

    public static String defaultText(String prefix) {
        return "The Python environment under " + prefix + " is managed externally, and may not be\n"
                + "manipulated by the user. Please use specific tooling from the distributor of\n"
                + "the Python installation to interact with this environment instead.\n";
    }

    /**
     * @param language the user's message language as pip's locale.getlocale(LC_MESSAGES) would give it
     *                 ("de_DE"), or null
     * @param prefix   the interpreter's sys.prefix, named in pip's default text
     */
    public static MarkerMessage read(Path marker, String language, String prefix) {
        String text;
        try {
            text = decode(readAtMost(marker));
        } catch (CharacterCodingException e) {
            return fallback(marker, prefix, "it is not valid UTF-8");
        } catch (IOException e) {
            return fallback(marker, prefix, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, Map<String, String>> sections;
        try {
            sections = IniParser.parse(text);
        } catch (IniParser.ParseError e) {
            return fallback(marker, prefix, "it is not valid INI (" + e.getMessage() + ")");
        }
        Map<String, String> section = sections.get("externally-managed");
        if (section == null) {
            return fallback(marker, prefix, "it has no [externally-managed] section");
        }
        // configparser's sections fall back to [DEFAULT] for a key they lack.
        Map<String, String> defaults = sections.getOrDefault("DEFAULT", Map.of());
        for (String key : keysFor(language)) {
            String lower = key.toLowerCase(Locale.ROOT);
            String value = section.containsKey(lower) ? section.get(lower) : defaults.get(lower);
            if (value != null) {
                return new MarkerMessage(marker, value, key, null);
            }
        }
        return fallback(marker, prefix, "it has no Error key");
    }

    /** The keys pip tries, most specific first. */
    static List<String> keysFor(String language) {
        List<String> keys = new ArrayList<>();
        if (language != null) {
            keys.add("Error-" + language);
            for (String separator : new String[] {"-", "_"}) {
                int at = language.indexOf(separator);
                if (at >= 0) {
                    keys.add("Error-" + language.substring(0, at));
                }
            }
        }
        keys.add("Error");
        return keys;
    }

    /**
     * The message language from LC_ALL, LC_MESSAGES or LANG, as "de_DE" without codeset or modifier; null for the
     * C and POSIX locales, which have no language.
     */
    public static String languageOf(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String code = value;
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) == '.' || value.charAt(i) == '@') {
                        code = value.substring(0, i);
                        break;
                    }
                }
                return code.isEmpty() || code.equals("C") || code.equals("POSIX") ? null : code;
            }
        }
        return null;
    }

    private static MarkerMessage fallback(Path marker, String prefix, String problem) {
        return new MarkerMessage(marker, defaultText(prefix), null, problem);
    }

    private static byte[] readAtMost(Path marker) throws IOException {
        byte[] bytes = BoundedFile.read(marker, MAX_BYTES);
        return bytes.length > MAX_BYTES ? java.util.Arrays.copyOf(bytes, MAX_BYTES) : bytes;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        if (bytes.length < MAX_BYTES) {
            decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        } else {
            // A cut file may end inside a character; judge it by what was read.
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }
}
