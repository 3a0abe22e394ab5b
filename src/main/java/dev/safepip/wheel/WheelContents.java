package dev.safepip.wheel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a wheel holds, as far as telling an application from a library needs: every member's name and size (the
 * central directory), the text of its top-level `*.dist-info/entry_points.txt` if any, and its METADATA.
 *
 * @param entryPoints the entry_points.txt text, or null when the wheel has none
 * @param fetched     bytes read to find this out
 */
public record WheelContents(List<ZipDirectory.Entry> entries, String entryPoints, String metadata, long fetched) {

    public static WheelContents read(ByteSource source) throws IOException {
        ZipDirectory zip = ZipDirectory.read(source);
        ZipDirectory.Entry entryPointsEntry = null;
        ZipDirectory.Entry metadataEntry = null;
        for (ZipDirectory.Entry entry : zip.entries()) {
            if (entryPointsEntry == null && inDistInfo(entry.name(), "entry_points.txt")) {
                entryPointsEntry = entry;
            } else if (metadataEntry == null && inDistInfo(entry.name(), "METADATA")) {
                metadataEntry = entry;
            }
        }
        List<ZipDirectory.Entry> wanted = new ArrayList<>();
        if (entryPointsEntry != null) {
            wanted.add(entryPointsEntry);
        }
        if (metadataEntry != null) {
            wanted.add(metadataEntry);
        }
        // Side by side in a wheel's dist-info: both in one request.
        zip.prefetch(wanted);
        String entryPoints = entryPointsEntry == null ? null
                : new String(zip.content(entryPointsEntry), StandardCharsets.UTF_8);
        String metadata = metadataEntry == null ? null : new String(zip.content(metadataEntry), StandardCharsets.UTF_8);
        return new WheelContents(zip.entries(), entryPoints, metadata, source.fetched());
    }

    /** Whether name is file in the wheel's top-level NAME-VERSION.dist-info folder. */
    static boolean inDistInfo(String name, String file) {
        int slash = name.indexOf('/');
        return slash > 10 && name.indexOf('/', slash + 1) < 0 && name.startsWith(".dist-info", slash - 10)
                && name.regionMatches(slash + 1, file, 0, file.length()) && name.length() == slash + 1 + file.length();
    }

    /** The METADATA's Classifier: lines (headers end at the first blank line; the description follows). */
    public List<String> classifiers() {
        List<String> classifiers = new ArrayList<>();
        if (metadata != null) {
            for (String line : metadata.split("\r?\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.startsWith("Classifier:")) {
                    classifiers.add(line.substring("Classifier:".length()).strip());
                }
            }
        }
        return classifiers;
    }
}
