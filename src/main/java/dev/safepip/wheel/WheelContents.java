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
        String entryPoints = null;
        String metadata = null;
        for (ZipDirectory.Entry entry : zip.entries()) {
            if (entryPoints == null && entry.name().matches("[^/]+\\.dist-info/entry_points\\.txt")) {
                entryPoints = new String(zip.content(entry), StandardCharsets.UTF_8);
            } else if (metadata == null && entry.name().matches("[^/]+\\.dist-info/METADATA")) {
                metadata = new String(zip.content(entry), StandardCharsets.UTF_8);
            }
        }
        return new WheelContents(zip.entries(), entryPoints, metadata, source.fetched());
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
