package dev.safepip.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * safepip's record of what went where: one JSON object a line in `${XDG_STATE_HOME:-~/.local/state}/safepip/
 * ledger.jsonl`. Each record is appended whole under a file lock, and a torn last line (a crash mid-write) is
 * skipped when reading and closed off before the next append, so one bad write never spoils the others.
 */
public final class Ledger {
    private final Path file;

    public Ledger(Path stateDir) {
        this.file = stateDir.resolve("ledger.jsonl");
    }

    public Path file() {
        return file;
    }

    /** The file lock guards against other processes; the JVM refuses overlapping file locks of its own threads. */
    private static final Object THREADS = new Object();

    public void append(LedgerRecord record) throws IOException {
        synchronized (THREADS) {
            appendLocked(record);
        }
    }

    private void appendLocked(LedgerRecord record) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            long size = channel.size();
            ByteBuffer out;
            if (size > 0 && !endsWithNewline(channel, size)) {
                out = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line);
                out.flip();
            } else {
                out = ByteBuffer.wrap(line);
            }
            channel.position(size);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.force(true);
        }
    }

    /** Every readable record, oldest first. */
    public List<LedgerRecord> read() throws IOException {
        List<String> lines;
        try {
            // Decoded leniently: a line torn inside a character must not make the whole file unreadable.
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<LedgerRecord> records = new ArrayList<>();
        for (String line : lines) {
            LedgerRecord record = line.isBlank() ? null : LedgerRecord.fromJson(line);
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }
}
