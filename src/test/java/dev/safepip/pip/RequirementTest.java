package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.RandomText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            requests                      | requests       | ''
            requests[socks]>=2,<3         | requests       | >=2,<3
            Requests_Toolbelt == 1.0      | Requests_Toolbelt | == 1.0
            zope.interface (>=5)          | zope.interface | >=5
            name ; python_version < "3.12"| name           | ''
            name>=1; os_name == "posix"   | name           | >=1
            ./local/project               | -              | ''
            dist/pkg-1.0-py3-none-any.whl | -              | ''
            PKG-1.0.TAR.GZ                | -              | ''
            git+https://host/repo         | -              | ''
            pkg @ https://host/pkg.whl    | -              | ''
            -pkg                          | -              | ''
            pkg-                          | -              | ''
            pkg[extra                     | -              | ''
            """)
    void namesAndSpecifiers(String text, String name, String specifier) {
        Requirement requirement = Requirement.parse(text);
        assertEquals(name, requirement.name());
        assertEquals(specifier, requirement.specifier());
    }

    /** Matched by hand as the regular expressions it used before did, over random text of the characters that matter. */
    @Test
    void parsesRandomTextAsTheRegexesItReplaced() {
        int named = 0;
        for (String text : RandomText.strings(503, "aZ9._-[]<>=~!();@/ \t\n\u2028.zipWHL", 80_000, 16)) {
            Requirement expected = RegexRequirement.parse(text);
            assertEquals(expected, Requirement.parse(text), text);
            named += expected.named() ? 1 : 0;
        }
        assertTrue(named > 2000, "named: " + named);
        for (String text : List.of("a.whl", "a.Tar.Gz", "a.tar.lzma", "a.TLZ", "a.zıp", "a\n.zip")) {
            assertEquals(RegexRequirement.parse(text), Requirement.parse(text), text);
        }
    }

    /** The regex-based parser as it was, kept here as the reference. */
    private static final class RegexRequirement {
        private static final Pattern NAMED = Pattern.compile(
                "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*])?\\s*"
                + "(?:([<>=!~][^;]*)|\\(\\s*([<>=!~][^)]*)\\))?\\s*(;.*)?");
        private static final Pattern ARCHIVE = Pattern.compile(
                "(?i).*\\.(zip|whl|tar\\.gz|tgz|tar|tar\\.bz2|tbz|tar\\.xz|txz|tlz|tar\\.lz|tar\\.lzma)");

        static Requirement parse(String text) {
            String trimmed = text.strip();
            if (trimmed.contains("/") || trimmed.contains("://") || trimmed.startsWith(".")
                    || ARCHIVE.matcher(trimmed).matches() || trimmed.contains("@")) {
                return new Requirement(text, null, "");
            }
            Matcher m = NAMED.matcher(trimmed);
            if (!m.matches()) {
                return new Requirement(text, null, "");
            }
            String specifier = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            return new Requirement(text, m.group(1), specifier.strip());
        }
    }
}
