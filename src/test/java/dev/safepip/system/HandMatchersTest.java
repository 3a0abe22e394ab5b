package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safepip.core.RandomText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** This package's hand-written matchers answer as the regular expressions they replaced, over random text. */
class HandMatchersTest {

    @Test
    void aWordIsFoundWhereTheRegexFindsIt() {
        for (String word : new String[] {"apt", "Arch", "Raspberry Pi OS"}) {
            // The rule spelled out, not \b: the JDK's own \b changed in JDK 19 (JDK-8264160: ASCII word characters
            // only), so it is no fixed reference. A word part is a letter, a digit or '_', or a run of non-spacing
            // marks after a letter or digit, as JDK 17's \b saw it.
            Pattern regex = Pattern.compile("(?<![\\p{L}\\p{Nd}_])(?<![\\p{L}\\p{Nd}]\\p{Mn}{1,40})" + Pattern.quote(word)
                    + "(?![\\p{L}\\p{Nd}_\\p{Mn}])");
            String alphabet = word + " -_.é1\u0301\n";
            for (String text : RandomText.strings(word.hashCode(), alphabet, 40_000, 14)) {
                Matcher m = regex.matcher(text);
                assertEquals(m.find() ? m.start() : -1, PackageManagers.firstAsWord(text, word), text);
            }
        }
    }

    @Test
    void aPlainNameIsWhatTheRegexCalledPlain() {
        Pattern plain = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
        for (String text : RandomText.strings(503, "az09-_.A ", 40_000, 6)) {
            assertEquals(plain.matcher(text).matches(), PypiName.plain(text), text);
        }
    }
}
