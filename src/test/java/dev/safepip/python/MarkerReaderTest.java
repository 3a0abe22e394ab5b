package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerReaderTest {
    private static final String PREFIX = "/usr";
    private static final String ALL_LANGUAGES = """
            [externally-managed]
            Error-de_DE = Deutsch (Deutschland)
            Error-de = Deutsch
            Error = English
            """;

    @TempDir
    Path tmp;

    private Path marker(String text) throws IOException {
        return marker(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path marker(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(tmp, "EXTERNALLY-MANAGED", "");
        Files.write(file, bytes);
        return file;
    }

    // --- language ---------------------------------------------------------------------------------------------

    @Test
    void picksTheMostSpecificKeyForTheLanguage() throws IOException {
        Path file = marker(ALL_LANGUAGES);
        MarkerMessage de = MarkerReader.read(file, "de_DE", PREFIX);
        assertEquals("Deutsch (Deutschland)", de.text());
        assertEquals("Error-de_DE", de.key());
        assertNull(de.problem());
        assertEquals(file, de.path());

        MarkerMessage at = MarkerReader.read(file, "de_AT", PREFIX);
        assertEquals("Deutsch", at.text());
        assertEquals("Error-de", at.key());

        MarkerMessage fr = MarkerReader.read(file, "fr_FR", PREFIX);
        assertEquals("English", fr.text());
        assertEquals("Error", fr.key());

        assertEquals("English", MarkerReader.read(file, null, PREFIX).text());
    }

    @Test
    void fallsBackFromRegionToLanguageToPlainError() throws IOException {
        Path deOnly = marker("[externally-managed]\nError-de = Deutsch\nError = English\n");
        assertEquals("Deutsch", MarkerReader.read(deOnly, "de_DE", PREFIX).text());
        Path plain = marker("[externally-managed]\nError = English\n");
        MarkerMessage m = MarkerReader.read(plain, "de_DE", PREFIX);
        assertEquals("English", m.text());
        assertEquals("Error", m.key());
    }

    @Test
    void keysAreMatchedWhateverTheirCaseInTheFile() throws IOException {
        Path file = marker("[externally-managed]\nERROR-DE_DE: laut\n");
        MarkerMessage m = MarkerReader.read(file, "de_DE", PREFIX);
        assertEquals("laut", m.text());
        assertEquals("Error-de_DE", m.key());
    }

    @Test
    void keysFor() {
        assertEquals(List.of("Error-de_DE", "Error-de", "Error"), MarkerReader.keysFor("de_DE"));
        assertEquals(List.of("Error-zh-Hant_TW", "Error-zh", "Error-zh-Hant", "Error"),
                MarkerReader.keysFor("zh-Hant_TW"));
        assertEquals(List.of("Error-de", "Error"), MarkerReader.keysFor("de"));
        assertEquals(List.of("Error"), MarkerReader.keysFor(null));
    }

    @ParameterizedTest(name = "[{index}] LC_ALL={0} LC_MESSAGES={1} LANG={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", emptyValue = "", textBlock = """
            de_DE.UTF-8 | fr_FR.UTF-8 | es_ES.UTF-8 | de_DE
            -           | fr_FR.UTF-8 | es_ES.UTF-8 | fr_FR
            -           | -           | es_ES.UTF-8 | es_ES
            ''          | ''          | pt_BR.UTF-8 | pt_BR
            -           | -           | C.UTF-8     | -
            -           | -           | C           | -
            -           | -           | POSIX       | -
            C           | -           | de_DE.UTF-8 | -
            -           | -           | sr_RS@latin | sr_RS
            -           | -           | de          | de
            -           | -           | -           | -
            """)
    void languageOf(String lcAll, String lcMessages, String lang, String expected) {
        Map<String, String> env = new HashMap<>();
        if (lcAll != null) {
            env.put("LC_ALL", lcAll);
        }
        if (lcMessages != null) {
            env.put("LC_MESSAGES", lcMessages);
        }
        if (lang != null) {
            env.put("LANG", lang);
        }
        assertEquals(expected, MarkerReader.languageOf(env));
    }

    // --- pip's default text -----------------------------------------------------------------------------------

    private void assertDefault(MarkerMessage m) {
        assertAll(
                () -> assertEquals(MarkerReader.defaultText(PREFIX), m.text()),
                () -> assertNull(m.key()),
                () -> assertNotNull(m.problem()));
    }

    @Test
    void defaultTextNamesThePrefixLikePip() {
        assertEquals("""
                The Python environment under /opt/py is managed externally, and may not be
                manipulated by the user. Please use specific tooling from the distributor of
                the Python installation to interact with this environment instead.
                """, MarkerReader.defaultText("/opt/py"));
    }

    @Test
    void noSection() throws IOException {
        MarkerMessage m = MarkerReader.read(marker("[something-else]\nError = x\n"), null, PREFIX);
        assertDefault(m);
        assertTrue(m.problem().contains("section"), m.problem());
    }

    @Test
    void noKey() throws IOException {
        MarkerMessage m = MarkerReader.read(marker("[externally-managed]\nError-de = nur Deutsch\n"), "fr_FR", PREFIX);
        assertDefault(m);
        assertTrue(m.problem().contains("Error"), m.problem());
    }

    @Test
    void emptyFile() throws IOException {
        assertDefault(MarkerReader.read(marker(""), "de_DE", PREFIX));
    }

    @Test
    void invalidUtf8() throws IOException {
        byte[] latin1 = "[externally-managed]\nError = Gr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1);
        MarkerMessage m = MarkerReader.read(marker(latin1), null, PREFIX);
        assertDefault(m);
        assertTrue(m.problem().contains("UTF-8"), m.problem());
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] garbage = new byte[4096];
        long seed = 42;
        for (int i = 0; i < garbage.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            garbage[i] = (byte) (seed >>> 56);
        }
        assertDefault(MarkerReader.read(marker(garbage), null, PREFIX));
        assertDefault(MarkerReader.read(marker(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, 0}), null, PREFIX));
    }

    @Test
    void notIni() throws IOException {
        MarkerMessage m = MarkerReader.read(marker("Error = before any section\n"), null, PREFIX);
        assertDefault(m);
        assertTrue(m.problem().contains("INI"), m.problem());
    }

    @Test
    void unreadable() {
        assertDefault(MarkerReader.read(tmp.resolve("absent"), null, PREFIX));
        assertDefault(MarkerReader.read(tmp, null, PREFIX));
    }

    @Test
    void aFiveMegabyteFileDoesNotBlowUp() throws IOException {
        StringBuilder big = new StringBuilder("[externally-managed]\nError = short and sweet\n");
        String comment = "# " + "x".repeat(97) + "\n";
        while (big.length() < 5_000_000) {
            big.append(comment);
        }
        Path commented = marker(big.toString());
        Path oneLine = marker(("[externally-managed]\nError = " + "\u00e9".repeat(2_600_000) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path noSection = marker("y".repeat(5_000_000));
        assertTrue(Files.size(commented) >= 5_000_000 && Files.size(oneLine) >= 5_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            MarkerMessage m = MarkerReader.read(commented, null, PREFIX);
            assertEquals("short and sweet", m.text());
            MarkerMessage huge = MarkerReader.read(oneLine, null, PREFIX);
            assertNotNull(huge.text());
            assertTrue(huge.text().length() <= MarkerReader.MAX_BYTES, "only the first megabyte is read");
            assertDefault(MarkerReader.read(noSection, null, PREFIX));
        });
    }

    // --- against Python's configparser, as pip reads the marker ---------------------------------------------

    /** pip's ExternallyManagedEnvironment.from_config with no language: 'D' for its default text, else 'V' + hex. */
    private static final String PIP_READER = """
            import configparser, sys
            for path in sys.argv[1:]:
                parser = configparser.ConfigParser(interpolation=None)
                try:
                    parser.read(path, encoding="utf-8")
                    section = parser["externally-managed"]
                    out = "V" + section["Error"].encode("utf-8").hex()
                except KeyError:
                    out = "D"
                except (OSError, UnicodeDecodeError, configparser.ParsingError):
                    out = "D"
                except Exception as e:
                    out = "X" + type(e).__name__
                print(out)
            """;

    private static List<String> askPython(List<Path> files, Path cwd) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-I", "-c", PIP_READER));
        files.forEach(f -> argv.add(f.toString()));
        Process process = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python3 did not finish");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text.lines().toList();
    }

    private static String javaSays(Path file) {
        MarkerMessage m = MarkerReader.read(file, null, PREFIX);
        return m.key() == null ? "D" : "V" + HexFormat.of().formatHex(m.text().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsMarkersExactlyAsPipDoesWithPythonsConfigparser() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("debian", """
                [externally-managed]
                Error=To install Python packages system-wide, try apt install
                 python3-xyz, where xyz is the package you are trying to
                 install.

                 If you wish to install a non-Debian-packaged Python package,
                 create a virtual environment using python3 -m venv path/to/venv.
                 Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
                 sure you have python3-full installed.

                 See /usr/share/doc/python3.11/README.venv for more information.
                """.getBytes(StandardCharsets.UTF_8));
        Path system = Path.of("/usr/lib/python3.11/EXTERNALLY-MANAGED");
        if (Files.isRegularFile(system)) {
            cases.put("this system's marker", Files.readAllBytes(system));
        }
        cases.put("colon and key case", utf8("[externally-managed]\nERROR: Bitte apt benutzen \u2014 \u00fc\u00f1\u00ee \u2713 \ud83d\udc0d\n"));
        cases.put("comments, blanks, trailing blanks", utf8("""
                # the marker
                ; another comment
                [other]
                x = y
                [externally-managed]
                Error = first
                ; comment inside
                  # indented comment inside

                  third ; kept
                  fourth # kept



                [after]
                z = 1
                """));
        cases.put("crlf", utf8("[externally-managed]\r\nError = a\r\n  b\r\n\r\n"));
        cases.put("cr", utf8("[externally-managed]\rError = a\r  b\r"));
        cases.put("tabs", utf8("[externally-managed]\nError =\n\tline one\n\t  line two\n"));
        cases.put("separators in the value", utf8("[externally-managed]\nError = a = b : c ; d # e\n"));
        cases.put("escape codes kept raw", utf8("[externally-managed]\nError = \u001b[31mred\u001b[0m \u202eevil\n"));
        cases.put("indented key", utf8("[externally-managed]\n  Error = a\n  Other = b\n    c\n"));
        cases.put("empty value", utf8("[externally-managed]\nError =\n"));
        cases.put("no section", utf8("Error = x\n"));
        cases.put("no key", utf8("[externally-managed]\nError-de = nur Deutsch\n"));
        cases.put("wrong section case", utf8("[Externally-Managed]\nError = x\n"));
        cases.put("text before section", utf8("hello\n[externally-managed]\nError = x\n"));
        cases.put("line without separator", utf8("[externally-managed]\nError = x\nbogus line\n"));
        cases.put("empty", new byte[0]);
        cases.put("bom", utf8("\ufeff[externally-managed]\nError = x\n"));
        cases.put("latin-1", "[externally-managed]\nError = Gr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));
        cases.put("binary", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, (byte) 0xfe, 0, 10});

        List<String> names = new ArrayList<>(cases.keySet());
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(marker(cases.get(name)));
        }
        List<String> python = askPython(files, tmp);
        assertEquals(files.size(), python.size(), "one answer per file: " + python);
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = names.get(i);
            String expected = python.get(i);
            Path file = files.get(i);
            checks.add(() -> assertEquals(describe(expected), describe(javaSays(file)), name));
        }
        assertAll(checks);
        assertTrue(python.stream().filter(a -> a.startsWith("V")).count() >= 6, "at least six real texts compared");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(String answer) {
        if (answer.startsWith("V")) {
            return "text: " + new String(HexFormat.of().parseHex(answer.substring(1)), StandardCharsets.UTF_8);
        }
        return answer.equals("D") ? "pip's default text" : answer;
    }

    @Test
    void aCommentAfterTheSectionHeaderIsIgnoredAsInPip() throws IOException {
        MarkerMessage m = MarkerReader.read(marker("[externally-managed]  ; the marker\nError = hello\n"), null, PREFIX);
        assertEquals("hello", m.text());
    }

    @Test
    void anErrorKeyInTheDefaultSectionIsFoundAsInPip() throws IOException {
        MarkerMessage m = MarkerReader.read(
                marker("[DEFAULT]\nError = from defaults\n[externally-managed]\nOther = x\n"), null, PREFIX);
        assertEquals("from defaults", m.text());
    }
}
