package dev.safepip.wheel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a wheel holds, as far as telling an application from a library needs: every member's name and size (the
 * central directory) and the text of its top-level `*.dist-info/entry_points.txt`, if any.
 *
 * @param entryPoints the entry_points.txt text, or null when the wheel has none
 * @param fetched     bytes read to find this out
 */
public record WheelContents(List<ZipDirectory.Entry> entries, String entryPoints, long fetched) {

    public static WheelContents read(ByteSource source) throws IOException {
        ZipDirectory zip = ZipDirectory.read(source);
        String entryPoints = null;
        for (ZipDirectory.Entry entry : zip.entries()) {
            if (entry.name().matches("[^/]+\\.dist-info/entry_points\\.txt")) {
                entryPoints = new String(zip.content(entry), StandardCharsets.UTF_8);
                break;
            }
        }
        return new WheelContents(zip.entries(), entryPoints, source.fetched());
    }
}
