package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safepip.core.RandomText;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** This package's hand-written matchers answer as the regular expressions they replaced, over random text. */
class HandMatchersTest {

    @Test
    void shebangWordsAreSplitAsSplitOnWhitespaceRuns() {
        for (String text : RandomText.strings(35, "ab/ \t\f\u000B\u00A0-", 40_000, 12)) {
            String stripped = text.strip();
            List<String> expected = stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
            assertEquals(expected, Shebang.words(stripped), text);
        }
    }

    @Test
    void anInterpretersVersionIsReadFromItsNameAsTheRegexReadIt() {
        Pattern version = Pattern.compile("python(\\d+\\.\\d+)");
        for (String text : RandomText.strings(311, "python3.1x", 40_000, 11)) {
            Matcher m = version.matcher(text);
            assertEquals(m.matches() ? m.group(1) : null, InterpreterInspector.versionIn(text), text);
        }
    }

    @Test
    void theLanguageEndsAtTheFirstDotOrAt() {
        for (String text : RandomText.strings(12, "de_D.@UTF8", 20_000, 8)) {
            String code = text.split("[.@]", 2)[0];
            String expected = text.isEmpty() || code.isEmpty() || code.equals("C") || code.equals("POSIX") ? null
                    : code;
            assertEquals(expected, MarkerReader.languageOf(Map.of("LANG", text)), text);
        }
    }
}
