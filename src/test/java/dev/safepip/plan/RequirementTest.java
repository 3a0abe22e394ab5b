package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", emptyValue = "", quoteCharacter = '"', textBlock = """
            # text                                             | name            | specifier        | normalized
            requests                                           | requests        | ""               | requests
            requests[socks]>=2                                 | requests        | >=2              | requests
            requests[security,socks] >= 2.0, < 3               | requests        | >= 2.0, < 3      | requests
            Django==4.2.*                                      | Django          | ==4.2.*          | django
            numpy~=1.26                                        | numpy           | ~=1.26           | numpy
            foo!=1.0                                           | foo             | !=1.0            | foo
            foo===1.0+local                                    | foo             | ===1.0+local     | foo
            pywin32; sys_platform == 'win32'                   | pywin32         | ""               | pywin32
            requests>=2; python_version < '3.8'                | requests        | >=2              | requests
            zope.interface                                     | zope.interface  | ""               | zope-interface
            Foo_Bar--baz                                       | Foo_Bar--baz    | ""               | foo-bar-baz
            A                                                  | A               | ""               | a
            ./local/pkg                                        | -               | ""               | -
            ../pkg                                             | -               | ""               | -
            /abs/pkg                                           | -               | ""               | -
            .                                                  | -               | ""               | -
            src/                                               | -               | ""               | -
            https://example.org/pkg-1.0.tar.gz                 | -               | ""               | -
            git+https://github.com/a/b.git@v1                  | -               | ""               | -
            pkg @ https://example.org/pkg-1.0.tar.gz           | -               | ""               | -
            pkg@file:///tmp/pkg                                | -               | ""               | -
            pkg-1.0-py3-none-any.whl                           | -               | ""               | -
            -notaname                                          | -               | ""               | -
            ""                                                 | -               | ""               | -
            """)
    void parses(String text, String name, String specifier, String normalized) {
        Requirement r = Requirement.parse(text);
        assertAll(
                () -> assertEquals(text, r.text(), "text as typed"),
                () -> assertEquals(name, r.name(), "name"),
                () -> assertEquals(specifier, r.specifier(), "specifier"),
                () -> assertEquals(name != null, r.named(), "named"),
                () -> assertEquals(normalized, r.normalizedName(), "normalized"));
    }

    @Test
    void keepsTheTextAsTypedButReadsItStripped() {
        Requirement r = Requirement.parse("  requests >= 2  ");
        assertEquals("  requests >= 2  ", r.text());
        assertEquals("requests", r.name());
        assertEquals(">= 2", r.specifier());
    }

    @Test
    void archiveFilesOfAnyKindAreNotNamed() {
        assertAll(
                () -> assertFalse(Requirement.parse("foo-1.0.tar.gz").named()),
                () -> assertFalse(Requirement.parse("foo-1.0.zip").named()),
                () -> assertFalse(Requirement.parse("foo-1.0.tgz").named()),
                () -> assertFalse(Requirement.parse("Foo-1.0-py3-none-any.WHL").named()));
    }

    @Test
    void aParenthesisedVersionIsStillNamed() {
        Requirement r = Requirement.parse("requests (>=2)");
        assertTrue(r.named());
        assertEquals("requests", r.name());
    }

    @Test
    void unnamedHasNoNormalizedName() {
        assertNull(Requirement.parse("./x").normalizedName());
    }
}
