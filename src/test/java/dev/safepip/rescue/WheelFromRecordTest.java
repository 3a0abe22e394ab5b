package dev.safepip.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wheel of an installed distribution, from an install laid out as pip lays it out (PREFIX/lib/python3.11/
 * site-packages, PREFIX/bin, PREFIX/include, PREFIX/share), with a RECORD as pip writes it.
 */
class WheelFromRecordTest {
    @TempDir
    Path tmp;
    Path prefix;
    Path site;
    Path info;
    StringBuilder record = new StringBuilder();

    @BeforeEach
    void install() throws IOException {
        prefix = tmp.resolve("prefix");
        site = prefix.resolve("lib/python3.11/site-packages");
        info = site.resolve("My_Pkg-1.0.dist-info");
        put(site.resolve("my_pkg/__init__.py"), "VALUE = 1\n", "my_pkg/__init__.py", true);
        put(site.resolve("my_pkg/odd,name \"q\".py"), "X = 2\n", "\"my_pkg/odd,name \"\"q\"\".py\"", true);
        put(site.resolve("my_pkg/__pycache__/__init__.cpython-311.pyc"), "compiled",
                "my_pkg/__pycache__/__init__.cpython-311.pyc", false);
        put(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: My.Pkg\nVersion: 1.0\n",
                "My_Pkg-1.0.dist-info/METADATA", true);
        put(info.resolve("WHEEL"), "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n",
                "My_Pkg-1.0.dist-info/WHEEL", true);
        put(info.resolve("entry_points.txt"), "[console_scripts]\nmy-tool = my_pkg:main\n",
                "My_Pkg-1.0.dist-info/entry_points.txt", true);
        put(info.resolve("INSTALLER"), "pip\n", "My_Pkg-1.0.dist-info/INSTALLER", true);
        put(info.resolve("direct_url.json"), "{\"url\": \"file:///gone\"}", "My_Pkg-1.0.dist-info/direct_url.json",
                true);
        put(info.resolve("REQUESTED"), "", "My_Pkg-1.0.dist-info/REQUESTED", true);
        put(prefix.resolve("bin/my-tool"), "#!/usr/bin/python3\ngenerated\n", "../../../bin/my-tool", true);
        put(prefix.resolve("bin/raw-tool"), "#!/bin/sh\necho raw\n", "../../../bin/raw-tool", true);
        Files.setPosixFilePermissions(prefix.resolve("bin/raw-tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        put(prefix.resolve("share/doc/my-pkg/README"), "read me\n", "../../../share/doc/my-pkg/README", true);
        put(prefix.resolve("include/python3.11/My.Pkg/api.h"), "int x;\n", "../../../include/python3.11/My.Pkg/api.h",
                true);
        record.append("My_Pkg-1.0.dist-info/RECORD,,\n");
        Files.writeString(info.resolve("RECORD"), record);
    }

    /** Writes a file and its RECORD line (with its hash, or without as pip records byte-code). */
    private void put(Path file, String content, String recordPath, boolean hashed) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        record.append(recordPath).append(',').append(hashed ? "sha256=" + sha(bytes) : "").append(',')
                .append(hashed ? Integer.toString(bytes.length) : "").append('\n');
    }

    private static String sha(byte[] bytes) {
        try {
            return WheelFromRecord.urlsafe(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Stray stray() {
        return new Stray("My.Pkg", "my-pkg", "1.0", info, site, Stray.Scope.SYSTEM, "pip", false, List.of(),
                List.of("my-tool"), List.of("my_pkg"));
    }

    @Test
    void recordLinesAreCsvWithQuotedCommasAndQuotes() {
        List<RecordCsv.Row> rows = RecordCsv.parse("\"a,b.py\",sha256=x,3\r\nplain.py,,\n\n\"say \"\"hi\"\"\",,\nlast");
        assertEquals(List.of(new RecordCsv.Row("a,b.py", "sha256=x", "3"), new RecordCsv.Row("plain.py", "", ""),
                new RecordCsv.Row("say \"hi\"", "", ""), new RecordCsv.Row("last", "", "")), rows);
        assertEquals("\"a,b.py\",sha256=x,3\n", RecordCsv.line("a,b.py", "sha256=x", "3"));
        assertEquals("\"say \"\"hi\"\"\",,\n", RecordCsv.line("say \"hi\"", "", ""));
        assertEquals("plain.py,,\n", RecordCsv.line("plain.py", "", ""));
    }

    @Test
    void theWheelHoldsTheInstalledFilesWhereAWheelPutsThem() throws IOException {
        InstalledFiles files = InstalledFiles.of(stray());
        assertNull(files.fallback());
        assertEquals("my_pkg-1.0-py2.py3-none-any.whl", files.fileName());
        WheelFromRecord.Written written = WheelFromRecord.write(files, tmp.resolve("state/rescued/one"),
                StateFiles.forThisProcess());
        assertEquals(List.of(), written.changed());
        assertEquals(64, written.sha256().length());
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(written.wheel().toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
            assertEquals(List.of("my_pkg/__init__.py", "my_pkg/odd,name \"q\".py",
                    "my_pkg-1.0.data/scripts/raw-tool", "my_pkg-1.0.data/data/share/doc/my-pkg/README",
                    "my_pkg-1.0.data/headers/api.h", "My_Pkg-1.0.dist-info/METADATA", "My_Pkg-1.0.dist-info/WHEEL",
                    "My_Pkg-1.0.dist-info/entry_points.txt", "My_Pkg-1.0.dist-info/RECORD"), names,
                    "no byte-code, no INSTALLER/REQUESTED/direct_url.json, no generated my-tool");
            // The new RECORD lists each file with the sha256 of what the wheel holds, itself without one.
            List<RecordCsv.Row> rows = RecordCsv.parse(new String(zip.getInputStream(
                    zip.getEntry("My_Pkg-1.0.dist-info/RECORD")).readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(names.size(), rows.size());
            for (RecordCsv.Row row : rows) {
                ZipEntry entry = zip.getEntry(row.path());
                if (row.path().endsWith("/RECORD")) {
                    assertEquals("", row.hash());
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                assertEquals("sha256=" + sha(bytes), row.hash(), row.path());
                assertEquals(Integer.toString(bytes.length), row.size(), row.path());
            }
        }
        // pip makes a file executable only when its zip entry's mode says so.
        try (FileSystem zip = FileSystems.newFileSystem(written.wheel(), Map.of("enablePosixFileAttributes",
                "true"))) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    zip.getPath("my_pkg-1.0.data/scripts/raw-tool"))));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    zip.getPath("my_pkg/__init__.py"))));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.wheel())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                written.wheel().getParent())));
    }

    @Test
    void aFileChangedSinceInstallIsNamedAndTakenAsItIsNow() throws IOException {
        Files.writeString(site.resolve("my_pkg/__init__.py"), "VALUE = 'patched'\n");
        WheelFromRecord.Written written = WheelFromRecord.write(InstalledFiles.of(stray()), tmp.resolve("w"),
                StateFiles.forThisProcess());
        assertEquals(List.of(site.resolve("my_pkg/__init__.py").toString()), written.changed());
        try (ZipFile zip = new ZipFile(written.wheel().toFile())) {
            assertEquals("VALUE = 'patched'\n", new String(zip.getInputStream(zip.getEntry("my_pkg/__init__.py"))
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aGoneFileOrAMissingRecordFallsBackToTheIndexWithAReason() throws IOException {
        Files.delete(prefix.resolve("share/doc/my-pkg/README"));
        InstalledFiles gone = InstalledFiles.of(stray());
        assertTrue(gone.fallback().startsWith("its RECORD lists files that are gone"), gone.fallback());
        Files.delete(info.resolve("RECORD"));
        assertEquals("its RECORD is missing", InstalledFiles.of(stray()).fallback());
    }

    @Test
    void aWheelIsNeverWrittenThroughALink() throws IOException {
        Path folder = tmp.resolve("w");
        Files.createDirectories(folder);
        Path target = tmp.resolve("elsewhere");
        Files.createSymbolicLink(folder.resolve("my_pkg-1.0-py2.py3-none-any.whl"), target);
        try {
            WheelFromRecord.write(InstalledFiles.of(stray()), folder, StateFiles.forThisProcess());
        } catch (StateFiles.Refused e) {
            assertFalse(Files.exists(target));
            return;
        }
        throw new AssertionError("a link where the wheel goes is refused");
    }

    @Test
    void tagsAreCompressedAsWheelFileNamesSpellThem() {
        assertEquals("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", InstalledFiles.tags(
                "Tag: cp311-cp311-manylinux_2_17_x86_64\nTag: cp311-cp311-manylinux2014_x86_64\n"));
        assertNull(InstalledFiles.tags("Wheel-Version: 1.0\n"));
        assertEquals("zope_interface", InstalledFiles.escape("zope.interface"));
    }
}
