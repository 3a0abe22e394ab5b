package dev.safepip.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remote wheel read by range requests from a real HTTP server on 127.0.0.1 that counts the requests and the bytes
 * of each range it serves: every byte is fetched at most once, a small wheel costs one request, a wheel with a
 * directory of thousands of members (as tensorflow's 1.8 MB one) three: the tail, the rest of the directory, the
 * dist-info members.
 */
class HttpRangeBytesTest {
    /** Each range served, as {first, last} inclusive. */
    private final List<long[]> served = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aWheelWithAVastDirectoryIsReadOnceInThreeRequests() throws IOException {
        byte[] wheel = wheel(14_000, 2_000);
        HttpRangeBytes source = source(wheel);
        WheelContents contents = WheelContents.read(source);

        assertEquals(14_000 + 3, contents.entries().size());
        assertEquals("[console_scripts]\nvast = vast:main\n", contents.entryPoints());
        assertTrue(contents.metadata().startsWith("Metadata-Version: 2.1\nName: vast\n"), contents.metadata());
        assertTrue(directorySize(wheel) > ZipDirectory.TAIL, "the directory must not fit the first request");
        assertEquals(3, served.size(), "requests: " + ranges());
        assertEquals(3, source.requests());
        assertNoByteTwice();
        long sent = 0;
        for (long[] range : served) {
            sent += range[1] - range[0] + 1;
        }
        assertEquals(sent, source.fetched());
        assertTrue(sent < directorySize(wheel) + 70_000, "sent " + sent + " for a directory of "
                + directorySize(wheel));
    }

    @Test
    void aSmallWheelIsOneRequest() throws IOException {
        byte[] wheel = wheel(20, 1_000);
        HttpRangeBytes source = source(wheel);
        WheelContents contents = WheelContents.read(source);
        assertEquals("[console_scripts]\nvast = vast:main\n", contents.entryPoints());
        assertEquals(1, served.size(), "requests: " + ranges());
        assertNoByteTwice();
    }

    @Test
    void whatWasFetchedIsServedFromMemoryAndOnlyHolesAreAskedFor() throws IOException {
        byte[] file = new byte[1_000_000];
        new Random(7).nextBytes(file);
        HttpRangeBytes source = source(file);
        assertEquals(1000, source.tail(1000).length);
        byte[] middle = source.read(500_000, 1000);
        byte[] again = source.read(500_000, 1000);
        assertEquals(2, served.size(), "requests: " + ranges());
        // A range that spans both parts held and two holes: only the holes.
        byte[] wide = source.read(499_000, 501_000);
        assertEquals(4, served.size(), "requests: " + ranges());
        assertNoByteTwice();
        assertEquals(file[500_000], middle[0]);
        assertEquals(middle[999], again[999]);
        for (int i = 0; i < wide.length; i += 997) {
            assertEquals(file[499_000 + i], wide[i], "byte " + (499_000 + i));
        }
        assertEquals(file[999_999], wide[wide.length - 1]);
    }

    private void assertNoByteTwice() {
        for (int i = 0; i < served.size(); i++) {
            for (int j = i + 1; j < served.size(); j++) {
                long[] a = served.get(i);
                long[] b = served.get(j);
                assertTrue(a[1] < b[0] || b[1] < a[0], "fetched twice: " + ranges());
            }
        }
    }

    private String ranges() {
        StringBuilder out = new StringBuilder();
        for (long[] range : served) {
            out.append(range[0]).append('-').append(range[1]).append(' ');
        }
        return out.toString();
    }

    /** Serves the bytes with byte ranges (suffix and closed), recording each range. */
    private HttpRangeBytes source(byte[] file) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/w.whl", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            String spec = range.substring("bytes=".length());
            int dash = spec.indexOf('-');
            long first;
            long last;
            if (dash == 0) {
                first = Math.max(0, file.length - Long.parseLong(spec.substring(1)));
                last = file.length - 1;
            } else {
                first = Long.parseLong(spec.substring(0, dash));
                last = Math.min(file.length - 1, Long.parseLong(spec.substring(dash + 1)));
            }
            synchronized (served) {
                served.add(new long[] {first, last});
            }
            exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + file.length);
            exchange.sendResponseHeaders(206, last - first + 1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(file, (int) first, (int) (last - first + 1));
            }
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/w.whl");
        return new HttpRangeBytes(HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build(), uri,
                Map.of());
    }

    /** A wheel as real ones are laid out: stored payload files with long paths, then the dist-info, RECORD last. */
    static byte[] wheel(int members, int memberSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] payload = new byte[memberSize];
        new Random(1).nextBytes(payload);
        StringBuilder record = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < members; i++) {
                String name = "vast/include/external/com_google_absl/absl/container/internal/part_" + (i / 100)
                        + "/member_" + i + ".so";
                CRC32 crc = new CRC32();
                crc.update(payload);
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(memberSize);
                entry.setCompressedSize(memberSize);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(payload);
                zip.closeEntry();
                record.append(name).append(",sha256=x,").append(memberSize).append('\n');
            }
            text(zip, "vast-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: vast\nVersion: 1.0\n"
                    + "Classifier: Environment :: Console\n");
            text(zip, "vast-1.0.dist-info/entry_points.txt", "[console_scripts]\nvast = vast:main\n");
            text(zip, "vast-1.0.dist-info/RECORD", record.toString());
        }
        return bytes.toByteArray();
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static long directorySize(byte[] zip) {
        int end = zip.length - 22;
        return (zip[end + 12] & 0xFFL) | (zip[end + 13] & 0xFFL) << 8 | (zip[end + 14] & 0xFFL) << 16
                | (zip[end + 15] & 0xFFL) << 24;
    }
}
