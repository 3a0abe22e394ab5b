package dev.safepip.ledger;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;

/**
 * safepip's record of what went where: one JSON object a line in `${XDG_STATE_HOME:-~/.local/state}/safepip/
 * ledger.jsonl`. Each record is appended whole under a file lock, and a torn last line (a crash mid-write) is
 * skipped when reading and closed off before the next append, so one bad write never spoils the others.
 */
public final class Ledger {
    private final Path file;
    /** Lines the last reading skipped: not a sensible record (damaged, edited by hand, torn, too long). */
    private int skipped;

    public Ledger(Path stateDir) {
        this.file = stateDir.resolve("ledger.jsonl");
    }

    public Path file() {
        return file;
    }

    /** How many non-blank lines the last reading of this ledger skipped (of the lines it looked at). */
    public int skipped() {
        return skipped;
    }

    void noteSkipped(int lines) {
        skipped = lines;
    }

    /** The file lock guards against other processes; the JVM refuses overlapping file locks of its own threads. */
    private static final Object THREADS = new Object();

    public void append(LedgerRecord record) throws IOException {
        synchronized (THREADS) {
            appendLocked(record);
        }
    }

    private void appendLocked(LedgerRecord record) throws IOException {
        byte[] line = (record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        // The folder checked and the file opened without following a link: a ledger.jsonl planted as a link would
        // have root append JSON to whatever it points at.
        try (FileChannel channel = StateFiles.forThisProcess().open(file, StandardOpenOption.READ,
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

    /** A record is a few hundred bytes; a longer line is damage (or an attack) and is skipped unread. */
    static final int MAX_LINE = 256 * 1024;

    /** Every readable record, oldest first. Only for small ledgers (tests): safepip itself streams them. */
    public List<LedgerRecord> read() throws IOException {
        List<LedgerRecord> records = new ArrayList<>();
        forEach(records::add);
        return records;
    }

    /**
     * Hands every record that makes sense to reader, oldest first, reading the file as a stream: a ledger of any
     * size costs one line of memory. Torn, damaged and oversized lines are skipped, never acted on.
     *
     * @return how many non-blank lines were skipped
     */
    public int forEach(Consumer<LedgerRecord> reader) throws IOException {
        return forEach(reader, List.of());
    }

    /**
     * Like {@link #forEach(Consumer)}, but only records that may concern one of these normalized package names (all
     * when none is given): a line that does not name one is not parsed at all, which is most of a large ledger.
     */
    public int forEach(Consumer<LedgerRecord> reader, List<String> names) throws IOException {
        List<byte[]> quoted = new ArrayList<>();
        for (String name : names) {
            quoted.add(("\"" + name + "\"").getBytes(StandardCharsets.UTF_8));
        }
        requireRegular();
        int skipped = 0;
        try (InputStream in = Files.newInputStream(file)) {
            Line line = new Line();
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.add(buffer, start, i - start);
                        skipped += line.handOver(quoted, reader) ? 0 : 1;
                        start = i + 1;
                    }
                }
                line.add(buffer, start, n - start);
            }
            skipped += line.handOver(quoted, reader) ? 0 : 1;
            this.skipped = skipped;
            return skipped;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** The line being read: at most MAX_LINE bytes kept; a longer one is only remembered as too long. */
    private static final class Line {
        private byte[] bytes = new byte[1024];
        private int length;
        private boolean tooLong;

        void add(byte[] from, int start, int count) {
            if (tooLong || length + count > MAX_LINE) {
                tooLong = true;
                return;
            }
            if (length + count > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, start, bytes, length, count);
            length += count;
        }

        /** Gives the line's record to reader and starts a new line; false when the line was no sensible record. */
        boolean handOver(List<byte[]> quotedNames, Consumer<LedgerRecord> reader) {
            try {
                if (tooLong) {
                    return false;
                }
                if (length == 0 || !quotedNames.isEmpty() && !mentionsAny(quotedNames)) {
                    return true;
                }
                // Decoded leniently: a line torn inside a character must not make the whole file unreadable.
                String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    return true;
                }
                LedgerRecord record = LedgerRecord.fromJson(text);
                if (record == null) {
                    return false;
                }
                reader.accept(record);
                return true;
            } finally {
                length = 0;
                tooLong = false;
            }
        }

        private boolean mentionsAny(List<byte[]> needles) {
            for (byte[] needle : needles) {
                if (indexOf(needle) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private int indexOf(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** A FIFO or a device in the ledger's place would block or never end: only a file (or nothing) is read. */
    void requireRegular() throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BoundedFile.NotRegular(file);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }
}
