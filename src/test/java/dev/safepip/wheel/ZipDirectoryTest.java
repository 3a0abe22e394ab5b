package dev.safepip.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central-directory reader, on files and over HTTP ranges from the test index. */
class ZipDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void readsEntryPointsWithoutReadingTheWheel() throws IOException {
        Path wheel = WheelBuilder.of("big-app", "1.0").consoleScript("big-app", "big_app:main")
                .module("big_app", "def main(): pass\n").payload("big_app/blob.bin", 20_000_000).build(tmp);
        FileBytes file = new FileBytes(wheel);
        WheelContents contents = WheelContents.read(file);
        assertTrue(contents.entryPoints().contains("big-app = big_app:main"), contents.entryPoints());
        assertTrue(contents.entries().stream().anyMatch(e -> e.name().equals("big_app/blob.bin")
                && e.size() == 20_000_000));
        assertTrue(file.fetched() < 200_000, "read " + file.fetched() + " bytes");
    }

    @Test
    void overHttpRangesOnlyTheEndAndTheMemberAreFetched() throws IOException {
        Path dir = tmp.resolve("wheels");
        WheelBuilder.of("big-app", "1.0").consoleScript("big-app", "big_app:main")
                .payload("big_app/blob.bin", 20_000_000).build(dir);
        try (LocalIndex index = LocalIndex.serve(dir)) {
            URI uri = URI.create("http://127.0.0.1:" + index.port() + "/files/big_app-1.0-py3-none-any.whl");
            HttpRangeBytes remote = new HttpRangeBytes(HttpClient.newHttpClient(), uri, Map.of());
            WheelContents contents = WheelContents.read(remote);
            assertTrue(contents.entryPoints().contains("big-app"), contents.entryPoints());
            assertTrue(index.bytesSent() < 200_000, "sent " + index.bytesSent());
            // The server counts what it wrote, which may run ahead of what the client has read when it closes.
            assertTrue(remote.fetched() <= index.bytesSent() && remote.fetched() > 0,
                    remote.fetched() + " read, " + index.bytesSent() + " sent");

            index.ranges(false);
            HttpRangeBytes whole = new HttpRangeBytes(HttpClient.newHttpClient(), uri, Map.of());
            long before = index.bytesSent();
            assertThrows(HttpRangeBytes.NoRanges.class, () -> WheelContents.read(whole));
            assertTrue(index.bytesSent() - before < 20_000_000, "it stopped reading the whole file");
        }
    }

    @Test
    void readsZip64() throws IOException {
        // More than 65535 members: Java writes the ZIP64 end records, as for wheels over 4 GB.
        Path zip = tmp.resolve("many-1.0-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < 70_000; i++) {
                ZipEntry e = new ZipEntry("many/m" + i + ".py");
                e.setMethod(ZipEntry.STORED);
                e.setSize(0);
                e.setCompressedSize(0);
                e.setCrc(0);
                z.putNextEntry(e);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("many-1.0.dist-info/entry_points.txt"));
            z.write("[console_scripts]\nmany = many:main\n".getBytes());
            z.closeEntry();
        }
        WheelContents contents = WheelContents.read(new FileBytes(zip));
        assertEquals(70_001, contents.entries().size());
        assertTrue(contents.entryPoints().contains("many = many:main"));
    }

    @Test
    void notAZipIsOneClearError() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.whl"), "not a zip at all");
        IOException e = assertThrows(IOException.class, () -> WheelContents.read(new FileBytes(junk)));
        assertTrue(e.getMessage().contains("not a zip file"), e.getMessage());
    }
}
