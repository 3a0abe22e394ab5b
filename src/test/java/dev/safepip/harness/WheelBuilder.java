package dev.safepip.harness;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small, valid pure-Python wheels, so tests have installable packages without any network
 * or build backend.
 */
public final class WheelBuilder {

    /** Fixed so the same builder calls give byte-identical wheels (stable sha256 across runs). */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private final String name;
    private final String version;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> requires = new ArrayList<>();
    private final Map<String, String> consoleScripts = new LinkedHashMap<>();

    private WheelBuilder(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static WheelBuilder of(String name, String version) {
        return new WheelBuilder(name, version);
    }

    /** Adds {@code <module>/__init__.py}. */
    public WheelBuilder module(String module, String source) {
        return file(module.replace('.', '/') + "/__init__.py", source);
    }

    /** Adds any file at a path inside purelib. */
    public WheelBuilder file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public WheelBuilder consoleScript(String command, String target) {
        consoleScripts.put(command, target);
        return this;
    }

    /** One Requires-Dist line, e.g. "pkgB>=1.0". */
    public WheelBuilder requires(String requirement) {
        requires.add(requirement);
        return this;
    }

    /** PEP 427/491 escaping for file and dist-info names: runs of -_. become a single '_'. */
    public static String escape(String s) {
        return s.replaceAll("[-_.]+", "_");
    }

    /** PEP 503 project-name normalization, as used in index URLs. */
    public static String normalize(String s) {
        return s.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** In the version only '-' is escaped: its dots are meaningful. */
    static String escapeVersion(String v) {
        return v.replace('-', '_');
    }

    public String fileName() {
        return escape(name) + "-" + escapeVersion(version) + "-py3-none-any.whl";
    }

    public Path build(Path dir) {
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(fileName());
            Files.write(out, zipBytes());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] zipBytes() throws IOException {
        String distInfo = escape(name) + "-" + escapeVersion(version) + ".dist-info";
        Map<String, byte[]> all = new LinkedHashMap<>();
        if (files.isEmpty()) {
            all.put(escape(name).toLowerCase(Locale.ROOT) + "/__init__.py",
                    ("VALUE = '" + name + " " + version + "'\n").getBytes(StandardCharsets.UTF_8));
        } else {
            all.putAll(files);
        }

        StringBuilder metadata = new StringBuilder()
                .append("Metadata-Version: 2.1\n")
                .append("Name: ").append(name).append('\n')
                .append("Version: ").append(version).append('\n')
                .append("Summary: safepip test package\n");
        for (String r : requires) {
            metadata.append("Requires-Dist: ").append(r).append('\n');
        }
        all.put(distInfo + "/METADATA", utf8(metadata.toString()));
        all.put(distInfo + "/WHEEL", utf8("Wheel-Version: 1.0\n"
                + "Generator: safepip-tests\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py3-none-any\n"));
        if (!consoleScripts.isEmpty()) {
            StringBuilder ep = new StringBuilder("[console_scripts]\n");
            consoleScripts.forEach((k, v) -> ep.append(k).append(" = ").append(v).append('\n'));
            all.put(distInfo + "/entry_points.txt", utf8(ep.toString()));
        }

        // pip verifies every installed file against RECORD, so hashes and sizes must be exact.
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            record.append(e.getKey()).append(",sha256=").append(recordHash(e.getValue()))
                    .append(',').append(e.getValue().length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        all.put(distInfo + "/RECORD", utf8(record.toString()));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String recordHash(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
