package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Reading the look script's report: what pip found, and what it read of each remote wheel. */
class WheelLocatorTest {

    @Test
    void aWheelReadInPartsComesBackWithItsFilesAndTexts() throws IOException {
        String directory = Base64.getEncoder().encodeToString(directoryOf(Map.of("rough_lint/__init__.py", 0,
                "Rough_Lint-0.16.9.data/scripts/rough-lint", 300000)));
        Map<String, WheelLocator.Located> found = WheelLocator.parse("""
                {"version": "1", "install": [{"metadata": {"name": "Rough_Lint", "version": "0.16.9"},
                 "download_info": {"url": "https://files.example/rough_lint-0.16.9-py3-none-any.whl"},
                 "safepip_wheel": {"directory": "%s", "count": 2,
                                   "entry_points": null, "metadata": "Name: Rough_Lint\\nClassifier: A :: B\\n",
                                   "fetched": 131072}}]}
                """.formatted(directory));
        WheelLocator.Located located = found.get("rough-lint");
        assertEquals("0.16.9", located.version());
        assertTrue(located.isWheel());
        assertNull(located.readError());
        assertEquals(2, located.contents().entries().size());
        assertEquals(300000, located.contents().entries().stream()
                .filter(e -> e.name().equals("Rough_Lint-0.16.9.data/scripts/rough-lint")).findFirst().orElseThrow()
                .size());
        assertNull(located.contents().entryPoints());
        assertEquals(List.of("A :: B"), located.contents().classifiers());
        assertEquals(131072, located.contents().fetched());
    }

    /**
     * The script gives each directory's length before it: the directories are taken out before the JSON is parsed,
     * with the same result; a length that does not fit leaves the report to the parser as it is.
     */
    @Test
    void directoriesComeOutOfTheReportByTheirLengthWithTheSameResult() throws IOException {
        String one = Base64.getEncoder().encodeToString(directoryOf(Map.of("a_tool/__init__.py", 10,
                "a_tool-1.0.dist-info/entry_points.txt", 40)));
        String two = Base64.getEncoder().encodeToString(directoryOf(Map.of("b_lib/__init__.py", 5)));
        String template = "{\"version\": \"1\", \"install\": ["
                + "{\"metadata\": {\"name\": \"a-tool\", \"version\": \"1.0\"}, \"download_info\": {\"url\": \"https://e/a_tool-1.0-py3-none-any.whl\"},"
                + " \"safepip_wheel\": {\"directory_length\": %d, \"directory\": \"%s\", \"count\": 2, \"entry_points\": \"x\","
                + " \"metadata\": \"Name: a-tool\\n\\n\\\"directory_length\\\": 3, \\\"directory\\\": \\\"abc\\\"\", \"fetched\": 1}},"
                + "{\"metadata\": {\"name\": \"b-lib\", \"version\": \"2.0\"}, \"download_info\": {\"url\": \"https://e/b_lib-2.0-py3-none-any.whl\"},"
                + " \"safepip_wheel\": {\"directory_length\": %d, \"directory\": \"%s\", \"count\": 1, \"entry_points\": null,"
                + " \"metadata\": null, \"fetched\": 2}}]}\n";
        String report = template.formatted(one.length(), one, two.length(), two);
        List<String> taken = new java.util.ArrayList<>();
        String rest = WheelLocator.withoutDirectories(report, taken);
        assertEquals(List.of(one, two), taken);
        assertTrue(rest.length() < report.length() - one.length() - two.length() + 10, rest);
        assertTrue(rest.contains("\\\"directory_length\\\": 3"), "the metadata text is left alone: " + rest);

        Map<String, WheelLocator.Located> fast = WheelLocator.parse(report);
        Map<String, WheelLocator.Located> plain = WheelLocator.parse(report.replace("\"directory_length\": ", "\"n\": "));
        for (String name : List.of("a-tool", "b-lib")) {
            assertEquals(plain.get(name).contents().entries(), fast.get(name).contents().entries(), name);
            assertEquals(plain.get(name).contents().metadata(), fast.get(name).contents().metadata(), name);
        }
        assertEquals(2, fast.get("a-tool").contents().entries().size());
        assertEquals("Name: a-tool\n\n\"directory_length\": 3, \"directory\": \"abc\"",
                fast.get("a-tool").contents().metadata());

        // A length that does not end at the closing quote: nothing is taken, the parser reads it all.
        String wrong = template.formatted(one.length() + 1, one, two.length(), two);
        List<String> none = new java.util.ArrayList<>();
        WheelLocator.withoutDirectories(wrong, none);
        assertEquals(List.of(two), none);
        assertEquals(2, WheelLocator.parse(wrong).get("a-tool").contents().entries().size());
    }

    @Test
    void aWheelThatCouldNotBeReadInPartsSaysWhy() throws IOException {
        WheelLocator.Located located = WheelLocator.parse("""
                {"install": [{"metadata": {"name": "x", "version": "1"}, "download_info": {"url": "https://e/x.whl"},
                 "safepip_wheel": {"error": "the server does not serve parts of files (HTTP 200)", "fetched": 0}}]}
                """).get("x");
        assertNull(located.contents());
        assertEquals("the server does not serve parts of files (HTTP 200)", located.readError());
    }

    @Test
    void aReportWithoutTheScriptsReadingLeavesTheWheelToSafepip() throws IOException {
        WheelLocator.Located located = WheelLocator.parse("""
                {"install": [{"metadata": {"name": "x", "version": "1"}, "download_info": {"url": "https://e/x.whl"}}]}
                """).get("x");
        assertNull(located.contents());
        assertNull(located.readError());
    }

    @Test
    void aMangledFileListIsAnErrorNotACrash() {
        assertThrows(IOException.class, () -> WheelLocator.parse("""
                {"install": [{"metadata": {"name": "x", "version": "1"}, "download_info": {"url": "https://e/x.whl"},
                 "safepip_wheel": {"directory": "UEsBAgAAAA==", "count": 1}}]}
                """));
        assertThrows(IOException.class, () -> WheelLocator.parse("""
                {"install": [{"metadata": {"name": "x", "version": "1"}, "download_info": {"url": "https://e/x.whl"},
                 "safepip_wheel": {"directory": "not base64!", "count": 1}}]}
                """));
    }

    /** The central directory of a zip of these members (name to size), as the look script sends it. */
    static byte[] directoryOf(Map<String, Integer> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Integer> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(new byte[member.getValue()]);
                zip.closeEntry();
            }
        }
        byte[] all = bytes.toByteArray();
        ByteBuffer end = ByteBuffer.wrap(all, all.length - 22, 22).order(ByteOrder.LITTLE_ENDIAN);
        int size = end.getInt(all.length - 22 + 12);
        int offset = end.getInt(all.length - 22 + 16);
        return Arrays.copyOfRange(all, offset, offset + size);
    }

    /** pip's words for a project whose files all need another Python, and the look script's notes of other tags. */
    @Test
    void filesForOtherPythonsAreNamedWithTheirVersions() {
        String pip = """
                ERROR: Ignored the following versions that require a different python version: 1.0 Requires-Python >=3.99; 2.0 Requires-Python >=3.99
                ERROR: Could not find a version that satisfies the requirement black (from versions: none)
                ERROR: No matching distribution found for black
                """;
        assertEquals(WheelLocator.UNFIT + "the index has 1.0 (Requires-Python >=3.99), 2.0 (Requires-Python >=3.99)",
                WheelLocator.unfit(pip));
        String look = "safepip-look: unfit black 3.0: none of the wheel's tags (cp313-cp313-manylinux_2_17_x86_64) "
                + "are compatible (run pip debug --verbose to show compatible tags)\n"
                + "safepip-look: unfit black 1.0: 1.0 Requires-Python >=3.99\n" + pip;
        assertEquals(WheelLocator.UNFIT + "the index has 3.0 (only for cp313-cp313-manylinux_2_17_x86_64), "
                + "1.0 (Requires-Python >=3.99), 2.0 (Requires-Python >=3.99)", WheelLocator.unfit(look));
        assertNull(WheelLocator.unfit("ERROR: Could not find a version that satisfies the requirement nope "
                + "(from versions: none)\nERROR: No matching distribution found for nope\n"));
    }
}
