package dev.safepip.rescue;

import dev.safepip.core.StateFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the wheel of an installed distribution from its files as they are now ({@link InstalledFiles}): each file
 * is checked against RECORD's hash as it is copied (a file changed since install is named, and taken as it is), and
 * the wheel gets a new RECORD with the sha256 of what it holds. The wheel goes into a folder of safepip's own (0700,
 * checked as StateFiles checks it), as a new file (0600) never written through a link.
 */
final class WheelFromRecord {
    /** Fixed, so the same files make the same bytes. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 2, 0, 0);

    /**
     * @param wheel   the wheel written
     * @param sha256  its own sha256, hex (kept in the rescue's record, checked before undo installs it)
     * @param changed the files on disk whose content is not what RECORD says
     */
    record Written(Path wheel, String sha256, List<String> changed) {
    }

    private WheelFromRecord() {
    }

    static Written write(InstalledFiles files, Path folder, StateFiles stateFiles) throws IOException {
        stateFiles.folder(folder);
        Path wheel = folder.resolve(files.fileName());
        stateFiles.checkFile(wheel);
        List<String> changed = new ArrayList<>();
        List<Integer> modes = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        String recordName = null;
        Set<String> names = new HashSet<>();
        try (FileChannel channel = FileChannel.open(wheel, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[1 << 16];
            for (InstalledFiles.Entry entry : files.entries()) {
                if (!names.add(entry.name())) {
                    continue;
                }
                if (recordName == null && entry.name().contains(".dist-info/")) {
                    recordName = entry.name().substring(0, entry.name().indexOf(".dist-info/")) + ".dist-info/RECORD";
                }
                ZipEntry zipEntry = new ZipEntry(entry.name());
                zipEntry.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(zipEntry);
                MessageDigest sha256 = digest("SHA-256");
                MessageDigest recorded = recordedDigest(entry.hash());
                long size = 0;
                try (InputStream in = Files.newInputStream(entry.source())) {
                    for (int n; (n = in.read(buffer)) > 0; size += n) {
                        zip.write(buffer, 0, n);
                        sha256.update(buffer, 0, n);
                        if (recorded != null) {
                            recorded.update(buffer, 0, n);
                        }
                    }
                }
                zip.closeEntry();
                if (recorded != null && !entry.hash().substring(entry.hash().indexOf('=') + 1)
                        .equals(urlsafe(recorded.digest()))) {
                    changed.add(entry.source().toString());
                }
                modes.add(entry.script() || InstalledFiles.executable(entry.source()) ? 0100755 : 0100644);
                record.append(RecordCsv.line(entry.name(), "sha256=" + urlsafe(sha256.digest()),
                        Long.toString(size)));
            }
            if (recordName == null) {
                throw new IOException("no .dist-info among the files of " + files.fileName());
            }
            record.append(RecordCsv.line(recordName, "", ""));
            ZipEntry recordEntry = new ZipEntry(recordName);
            recordEntry.setTimeLocal(ZIP_TIME);
            zip.putNextEntry(recordEntry);
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            modes.add(0100644);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(wheel);
            throw e;
        }
        ZipUnixModes.set(wheel, modes);
        return new Written(wheel, hexSha256(wheel), List.copyOf(changed));
    }

    /** The digest RECORD's "algorithm=value" was made with, or null when there is none or it is not one of pip's. */
    private static MessageDigest recordedDigest(String hash) {
        int equals = hash.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String algorithm = hash.substring(0, equals);
        return switch (algorithm) {
            case "sha256" -> digest("SHA-256");
            case "sha384" -> digest("SHA-384");
            case "sha512" -> digest("SHA-512");
            default -> null;
        };
    }

    /** The hex sha256 of a whole file. */
    static String hexSha256(Path file) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256.digest()) {
            hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return hex.toString();
    }

    static String urlsafe(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
