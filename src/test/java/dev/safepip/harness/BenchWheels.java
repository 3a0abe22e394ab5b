package dev.safepip.harness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The wheels scripts/bench looks at: two applications alike but for their size. look-small is 1 MB in a few files;
 * look-big is shaped like tensorflow-cpu's 274 MB wheel: 14,000 stored members with long paths (a central directory
 * of about 1.7 MB, the dist-info and its RECORD last), so that a look which fetches the directory twice, or in many
 * small requests, shows. The payload is incompressible (slices of one random buffer: fast to write).
 * Usage: {@code BenchWheels DIR}.
 */
public final class BenchWheels {
    static final int BIG_MEMBERS = 14_000;
    static final long BIG_SIZE = 274_000_000L;

    private BenchWheels() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        WheelBuilder.of("look-small", "1.0").module("look_small", "def main(): pass\n")
                .consoleScript("look-small", "look_small:main").classifier("Environment :: Console")
                .payload("look_small/payload.bin", 1_000_000).build(dir);
        manyMembers(dir.resolve("look_big-1.0-py3-none-any.whl"), "look-big", BIG_MEMBERS, BIG_SIZE);
    }

    /** An application wheel of `members` stored files totalling about `size` bytes, then its dist-info. */
    public static Path manyMembers(Path file, String name, int members, long size) throws IOException {
        Files.createDirectories(file.getParent());
        String module = name.replace('-', '_');
        String distInfo = module + "-1.0.dist-info";
        byte[] random = new byte[8 << 20];
        new Random(274).nextBytes(random);
        int each = (int) Math.min(size / Math.max(1, members), random.length / 2);
        StringBuilder record = new StringBuilder();
        MessageDigest sha = sha256();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < members; i++) {
                // Paths as long as tensorflow's headers and kernels (about 80 characters).
                String path = module + "/include/external/com_google_absl/absl/container/internal/part_"
                        + (i / 100) + "/member_" + i + ".so";
                int offset = (int) ((i * 7919L) % (random.length - each));
                stored(zip, path, random, offset, each);
                sha.update(random, offset, each);
                record.append(path).append(",sha256=").append(b64(sha.digest())).append(',').append(each).append('\n');
            }
            String init = "def main(): pass\n";
            String metadata = "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"
                    + "Summary: safepip bench package\nClassifier: Environment :: Console\n";
            String wheel = "Wheel-Version: 1.0\nGenerator: safepip-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n";
            String entryPoints = "[console_scripts]\n" + name + " = " + module + ":main\n";
            String[][] texts = {{module + "/__init__.py", init}, {distInfo + "/METADATA", metadata},
                    {distInfo + "/WHEEL", wheel}, {distInfo + "/entry_points.txt", entryPoints}};
            for (String[] text : texts) {
                byte[] bytes = text[1].getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(text[0]));
                zip.write(bytes);
                zip.closeEntry();
                record.append(text[0]).append(",sha256=").append(b64(sha.digest(bytes))).append(',')
                        .append(bytes.length).append('\n');
            }
            record.append(distInfo).append("/RECORD,,\n");
            zip.putNextEntry(new ZipEntry(distInfo + "/RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void stored(ZipOutputStream zip, String path, byte[] bytes, int offset, int length)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(length);
        entry.setCompressedSize(length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes, offset, length);
        zip.closeEntry();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
