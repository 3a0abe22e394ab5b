package dev.safepip.harness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
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
    private final Map<String, String> guiScripts = new LinkedHashMap<>();
    /** Files under {@code <name>-<version>.data/scripts/}: pip installs them as commands, as is. */
    private final Map<String, byte[]> dataScripts = new LinkedHashMap<>();
    private final List<String> classifiers = new ArrayList<>();
    /** Incompressible filler inside purelib, to make wheels of a real size (path -> bytes). */
    private final Map<String, Long> payloads = new LinkedHashMap<>();
    private boolean noCode;

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

    public WheelBuilder guiScript(String command, String target) {
        guiScripts.put(command, target);
        return this;
    }

    /** A command shipped as a file under .data/scripts/ (a binary in the real ruff, ninja, py-spy). */
    public WheelBuilder dataScript(String name, String content) {
        dataScripts.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** One Trove classifier, e.g. "Environment :: Console". */
    public WheelBuilder classifier(String classifier) {
        classifiers.add(classifier);
        return this;
    }

    /** A file of size pseudo-random (incompressible, reproducible) bytes at a purelib path. */
    public WheelBuilder payload(String path, long size) {
        payloads.put(path, size);
        return this;
    }

    /** No code at all, only .dist-info: a metapackage (jupyter). */
    public WheelBuilder metapackage() {
        noCode = true;
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
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                writeZip(file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The METADATA text, also served by the index as PEP 658 metadata. */
    String metadataText() {
        StringBuilder metadata = new StringBuilder()
                .append("Metadata-Version: 2.1\n")
                .append("Name: ").append(name).append('\n')
                .append("Version: ").append(version).append('\n')
                .append("Summary: safepip test package\n");
        for (String c : classifiers) {
            metadata.append("Classifier: ").append(c).append('\n');
        }
        for (String r : requires) {
            metadata.append("Requires-Dist: ").append(r).append('\n');
        }
        return metadata.toString();
    }

    private void writeZip(OutputStream out) throws IOException {
        String distInfo = escape(name) + "-" + escapeVersion(version) + ".dist-info";
        String data = escape(name) + "-" + escapeVersion(version) + ".data";
        Map<String, byte[]> all = new LinkedHashMap<>();
        if (files.isEmpty() && !noCode) {
            all.put(escape(name).toLowerCase(Locale.ROOT) + "/__init__.py",
                    ("VALUE = '" + name + " " + version + "'\n").getBytes(StandardCharsets.UTF_8));
        } else {
            all.putAll(files);
        }
        dataScripts.forEach((k, v) -> all.put(data + "/scripts/" + k, v));
        all.put(distInfo + "/METADATA", utf8(metadataText()));
        all.put(distInfo + "/WHEEL", utf8("Wheel-Version: 1.0\n"
                + "Generator: safepip-tests\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py3-none-any\n"));
        StringBuilder ep = new StringBuilder();
        if (!consoleScripts.isEmpty()) {
            ep.append("[console_scripts]\n");
            consoleScripts.forEach((k, v) -> ep.append(k).append(" = ").append(v).append('\n'));
        }
        if (!guiScripts.isEmpty()) {
            ep.append("[gui_scripts]\n");
            guiScripts.forEach((k, v) -> ep.append(k).append(" = ").append(v).append('\n'));
        }
        if (ep.length() > 0) {
            all.put(distInfo + "/entry_points.txt", utf8(ep.toString()));
        }

        // pip verifies every installed file against RECORD, so hashes and sizes must be exact.
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, Long> p : payloads.entrySet()) {
            MessageDigest digest = digest();
            fill(p.getKey(), p.getValue(), chunk -> digest.update(chunk));
            record.append(p.getKey()).append(",sha256=")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()))
                    .append(',').append(p.getValue()).append('\n');
        }
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            record.append(e.getKey()).append(",sha256=").append(recordHash(e.getValue()))
                    .append(',').append(e.getValue().length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        all.put(distInfo + "/RECORD", utf8(record.toString()));

        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // The payload first, as real wheels put code before .dist-info: the metadata sits at the end.
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (Map.Entry<String, Long> p : payloads.entrySet()) {
                ZipEntry ze = new ZipEntry(p.getKey());
                ze.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(ze);
                fill(p.getKey(), p.getValue(), chunk -> {
                    try {
                        zip.write(chunk);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                zip.closeEntry();
            }
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Reproducible pseudo-random bytes in 1 MiB chunks, seeded by the path. */
    private static void fill(String path, long size, Consumer<byte[]> sink) {
        Random random = new Random(path.hashCode());
        byte[] chunk = new byte[1 << 20];
        for (long left = size; left > 0; left -= chunk.length) {
            random.nextBytes(chunk);
            sink.accept(left >= chunk.length ? chunk : Arrays.copyOf(chunk, (int) left));
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
