package dev.safepip.rescue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * Gives each entry of a zip ZipOutputStream wrote its Unix mode: pip makes an installed file executable only when its
 * zip entry says so (`external_attr >> 16` has an x bit), and java.util.zip writes no mode at all. The central
 * directory is patched in place: "version made by" becomes Unix (3) and the external attributes carry the mode.
 */
final class ZipUnixModes {
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;

    private ZipUnixModes() {
    }

    /** @param modes one mode per entry, in the order they were written (the central directory's order) */
    static void set(Path zip, List<Integer> modes) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS))) {
            long size = channel.size();
            // ZipOutputStream writes no comment: the end record is the last 22 bytes.
            ByteBuffer end = read(channel, size - 22, 22);
            if (end.getInt(0) != END) {
                throw new IOException(zip + " does not end as a zip does");
            }
            long offset = end.getInt(16) & 0xFFFFFFFFL;
            if (offset == 0xFFFFFFFFL || (end.getShort(10) & 0xFFFF) == 0xFFFF) {
                ByteBuffer locator = read(channel, size - 22 - 20, 20);
                if (locator.getInt(0) != ZIP64_LOCATOR) {
                    throw new IOException(zip + " has no zip64 end record");
                }
                ByteBuffer end64 = read(channel, locator.getLong(8), 56);
                if (end64.getInt(0) != ZIP64_END) {
                    throw new IOException(zip + " has no zip64 end record");
                }
                offset = end64.getLong(48);
            }
            for (int mode : modes) {
                ByteBuffer header = read(channel, offset, 46);
                if (header.getInt(0) != CENTRAL) {
                    throw new IOException(zip + ": its central directory is not where its end record says");
                }
                header.putShort(4, (short) (3 << 8 | (header.getShort(4) & 0xFF)));
                header.putInt(38, mode << 16);
                header.position(0);
                while (header.hasRemaining()) {
                    channel.write(header, offset + header.position());
                }
                offset += 46 + (header.getShort(28) & 0xFFFF) + (header.getShort(30) & 0xFFFF)
                        + (header.getShort(32) & 0xFFFF);
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        if (at < 0) {
            throw new IOException("not a zip: too short");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("not a zip: too short");
            }
        }
        return buffer;
    }
}
