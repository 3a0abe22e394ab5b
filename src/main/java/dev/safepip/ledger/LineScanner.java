package dev.safepip.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lines of a ledger as byte ranges with their place in the file, as {@link Ledger#forEach} cuts them (a last
 * line without its newline included, lines over {@link Ledger#MAX_LINE} left out), without copying each line: a
 * large ledger is read at the speed of the disk cache, and a line can be read again later by its place.
 */
final class LineScanner {
    /** What is done with each line: bytes[from, to) is the line without its newline, starting at offset. */
    interface Lines {
        void line(byte[] bytes, int from, int to, long offset);
    }

    private LineScanner() {
    }

    /** Hands every line to lines; returns how many were dropped unread for their length. */
    static int scan(FileChannel channel, Lines lines) throws IOException {
        byte[] buffer = new byte[1 << 16];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        // buffer[start, end) is not handed over yet; it begins at file offset base + start.
        int start = 0;
        int end = 0;
        long base = 0;
        boolean skipping = false;
        int dropped = 0;
        channel.position(0);
        while (true) {
            wrapped.limit(buffer.length).position(end);
            int n = channel.read(wrapped);
            if (n < 0) {
                if (end > start && !skipping) {
                    lines.line(buffer, start, end, base + start);
                }
                return dropped;
            }
            int searched = end;
            end += n;
            for (int i = newline(buffer, searched, end); i >= 0; i = newline(buffer, i + 1, end)) {
                if (skipping) {
                    skipping = false;
                } else {
                    lines.line(buffer, start, i, base + start);
                }
                start = i + 1;
            }
            if (end - start > Ledger.MAX_LINE || skipping) {
                // Too long to be a record: dropped up to its newline.
                dropped += skipping ? 0 : 1;
                skipping = true;
                base += end;
                start = 0;
                end = 0;
            } else if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                base += start;
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(buffer.length * 2, Ledger.MAX_LINE + 1));
                wrapped = ByteBuffer.wrap(buffer);
            }
        }
    }

    private static int newline(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The line at offset, of length bytes (as scan gave it); fewer bytes when the file has shrunk since. */
    static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer line = ByteBuffer.allocate(length);
        while (line.hasRemaining()) {
            if (channel.read(line, offset + line.position()) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(line.array(), line.position());
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
