package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianPackageMapTest {
    private static final DebianPackageMap BUNDLED = DebianPackageMap.bundled();

    @Test
    void theBundledTableIsDhPythonsAndAReasonableSize() {
        String text = DebianTableData.text();
        assertTrue(DebianTableData.SOURCE.startsWith("dh-python "), DebianTableData.SOURCE);
        assertTrue(text.startsWith("2ping 2ping\n") && text.endsWith("\n"), text.substring(0, 40));
        assertTrue(text.length() < 400_000, "size " + text.length());
        // A few thousand names; a handful collapse into one under PEP 503 (SimPy and simpy).
        assertTrue(BUNDLED.size() > 4000 && BUNDLED.size() < 20000, "names " + BUNDLED.size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            beautifulsoup4, python3-bs4
            PyYAML,         python3-yaml
            pyyaml,         python3-yaml
            Pillow,         python3-pil
            attrs,          python3-attr
            PyJWT,          python3-jwt
            pyserial,       python3-serial
            scikit-learn,   python3-sklearn
            scikit_learn,   python3-sklearn
            Scikit.Learn,   python3-sklearn
            setuptools,     python3-setuptools
            pycryptodomex,  python3-pycryptodome
            ruamel.yaml,    python3-ruamel.yaml
            python-dateutil, python3-dateutil
            black,          black
            """)
    void namesNoRuleCouldGuess(String pypi, String debian) {
        assertEquals(debian, BUNDLED.packageFor(PypiName.normalize(pypi)));
    }

    @Test
    void packagesOfOtherProjectsAreNotTakenForTheirNamesake() {
        assertTrue(BUNDLED.belongsToOthers("python3-pycryptodome", "pycryptodome"));
        assertTrue(BUNDLED.belongsToOthers("python3-jwt", "jwt"));
        assertTrue(BUNDLED.belongsToOthers("python3-serial", "serial"));
        assertFalse(BUNDLED.belongsToOthers("python3-requests", "requests"));
        assertFalse(BUNDLED.belongsToOthers("python3-not-in-the-table", "not-in-the-table"));
        assertFalse(BUNDLED.belongsToOthers("python3-setuptools", "setuptools"));
        assertEquals(List.of("pycryptodomex"), BUNDLED.namesShippedBy("python3-pycryptodome"));
        assertNull(BUNDLED.packageFor("pycryptodome"));
    }

    @Test
    void parsingIgnoresCommentsAndConstraintsAndTheFirstSpellingWins() throws IOException {
        DebianPackageMap map = DebianPackageMap.parse(new StringReader("""
                # a comment
                argparse python3 (>= 3.2)

                SimPy python3-simpy
                simpy python3-simpy3
                Zope.Interface python3-zope.interface
                lonely
                """));
        assertEquals("python3", map.packageFor("argparse"));
        assertEquals("python3-simpy", map.packageFor("simpy"));
        assertEquals("python3-zope.interface", map.packageFor("zope-interface"));
        assertNull(map.packageFor("lonely"));
        assertEquals(3, map.size());
    }
}
