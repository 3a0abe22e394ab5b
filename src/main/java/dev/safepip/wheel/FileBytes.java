package dev.safepip.wheel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** A wheel on this machine (a --find-links folder, a file: index): read in place, never copied. */
public final class FileBytes implements ByteSource {
    private final Path file;
    private long fetched;

    public FileBytes(Path file) {
        this.file = file;
    }

    @Override
    public byte[] tail(int length) throws IOException {
        long size = size();
        int n = (int) Math.min(size, length);
        return read(size - n, n);
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int n = (int) Math.max(0, Math.min(length, in.length() - offset));
            byte[] bytes = new byte[n];
            in.seek(offset);
            in.readFully(bytes);
            fetched += n;
            return bytes;
        }
    }

    @Override
    public long size() throws IOException {
        return java.nio.file.Files.size(file);
    }

    @Override
    public long fetched() {
        return fetched;
    }
}
