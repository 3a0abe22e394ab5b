package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianPackageMapTest {
    private static final DebianPackageMap BUNDLED = DebianPackageMap.bundled();

    @Test
    void theBundledTableIsDhPythonsAndAReasonableSize() {
        String text = wholeTable();
        assertTrue(DebianTableData.SOURCE.startsWith("dh-python "), DebianTableData.SOURCE);
        assertTrue(text.contains("\n2ping 2ping\n") && text.endsWith("\n"), text.substring(0, 40));
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

    /**
     * The bundled table is looked up by binary search in its sorted text, not parsed: for every name and every
     * package in it (and names just beside them), that answers as the parsed table does.
     */
    @Test
    void theSortedTextAnswersAsTheParsedTableForEveryLine() throws IOException {
        String text = wholeTable();
        DebianPackageMap parsed = DebianPackageMap.parse(new StringReader(text));
        List<String> lines = text.lines().toList();
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            names.add(line.substring(0, line.indexOf(' ')));
        }
        assertEquals(names.stream().sorted().toList(), names, "sorted as String.compareTo sorts");
        int checked = 0;
        for (String line : lines) {
            String name = line.substring(0, line.indexOf(' '));
            String pkg = line.substring(line.indexOf(' ') + 1);
            for (String asked : List.of(name, name + "0", name.substring(0, name.length() - 1), name + "-x")) {
                DebianPackageMap bundled = DebianPackageMap.bundled();
                assertEquals(parsed.packageFor(asked), bundled.packageFor(asked), asked);
                for (String candidate : List.of(pkg, "python3-" + asked, "python3-" + name)) {
                    assertEquals(parsed.belongsToOthers(candidate, asked), bundled.belongsToOthers(candidate, asked),
                            candidate + " for " + asked);
                }
                checked++;
            }
        }
        assertTrue(checked > 16_000, "checked " + checked);
        for (String outside : List.of("", "!", "~~~", "zzzzzzzz", "-")) {
            assertEquals(parsed.packageFor(outside), BUNDLED.packageFor(outside), outside);
        }
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

    private static String wholeTable() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < DebianTableData.BY_NAME_FIRSTS.length; i++) {
            String part = DebianTableData.byNamePart(i);
            assertTrue(part.startsWith(DebianTableData.BY_NAME_FIRSTS[i] + " "), "part " + i + " starts with its key");
            text.append(part);
        }
        return text.toString();
    }
}
