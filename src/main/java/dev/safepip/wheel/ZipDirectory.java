package dev.safepip.wheel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip file's central directory, read from its end as pip's lazy_wheel and uv do: the end record (and ZIP64's),
 * then the part of the directory the first request did not hold (in one more), then only the members asked for. A
 * wheel of any size costs a few tens of kilobytes plus its directory.
 */
public final class ZipDirectory {
    /** Enough for the end record, a long comment and, for most wheels, the whole directory: one request. */
    static final int TAIL = 128 * 1024;
    /** Members this close together are fetched in one request: the gap costs less than another round trip. */
    static final int GAP = 64 * 1024;
    /** A member larger than this is not metadata: refuse rather than fetch it. */
    static final int MAX_MEMBER = 1024 * 1024;

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** One member as the central directory lists it. */
    public record Entry(String name, int method, long compressedSize, long size, long localOffset) {
    }

    private final ByteSource source;
    private final List<Entry> entries;

    private ZipDirectory(ByteSource source, List<Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    public static ZipDirectory read(ByteSource source) throws IOException {
        byte[] tail = source.tail(TAIL);
        long tailStart = source.size() - tail.length;
        int end = lastIndexOf(tail, END, 22);
        if (end < 0) {
            throw new IOException("not a zip file (no end of central directory)");
        }
        ByteBuffer eocd = le(tail);
        long count = eocd.getShort(end + 10) & 0xFFFF;
        long dirSize = eocd.getInt(end + 12) & 0xFFFFFFFFL;
        long dirOffset = eocd.getInt(end + 16) & 0xFFFFFFFFL;
        if (count == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
            int locator = end - 20;
            if (locator < 0 || eocd.getInt(locator) != END64_LOCATOR) {
                throw new IOException("a ZIP64 wheel without its locator");
            }
            long end64 = eocd.getLong(locator + 8);
            byte[] record = end64 >= tailStart ? slice(tail, (int) (end64 - tailStart), 56) : source.read(end64, 56);
            ByteBuffer z = le(record);
            if (z.getInt(0) != END64) {
                throw new IOException("a damaged ZIP64 end record");
            }
            count = z.getLong(32);
            dirSize = z.getLong(40);
            dirOffset = z.getLong(48);
        }
        if (dirSize > 64L * 1024 * 1024 || dirOffset + dirSize > source.size()) {
            throw new IOException("an implausible central directory (" + dirSize + " bytes)");
        }
        byte[] dir;
        if (dirOffset >= tailStart) {
            dir = slice(tail, (int) (dirOffset - tailStart), (int) dirSize);
        } else {
            // The directory starts before what we have: fetch only the missing front part.
            byte[] front = source.read(dirOffset, (int) Math.min(dirSize, tailStart - dirOffset));
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.write(front);
            if (front.length < dirSize) {
                joined.write(tail, 0, (int) (dirSize - front.length));
            }
            dir = joined.toByteArray();
        }
        return new ZipDirectory(source, parse(dir, count));
    }

    /** The members a central directory lists, from its bytes as they are in the file. */
    public static List<Entry> list(byte[] dir, long count) throws IOException {
        return parse(dir, count);
    }

    private static List<Entry> parse(byte[] dir, long count) throws IOException {
        List<Entry> entries = new ArrayList<>();
        ByteBuffer b = le(dir);
        int at = 0;
        for (long i = 0; i < count; i++) {
            if (at + 46 > dir.length || b.getInt(at) != CENTRAL) {
                throw new IOException("a damaged central directory");
            }
            int method = b.getShort(at + 10) & 0xFFFF;
            long compressed = b.getInt(at + 20) & 0xFFFFFFFFL;
            long size = b.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = b.getShort(at + 28) & 0xFFFF;
            int extraLength = b.getShort(at + 30) & 0xFFFF;
            int commentLength = b.getShort(at + 32) & 0xFFFF;
            long offset = b.getInt(at + 42) & 0xFFFFFFFFL;
            if (at + 46 + nameLength + extraLength > dir.length) {
                throw new IOException("a damaged central directory");
            }
            String name = new String(dir, at + 46, nameLength, StandardCharsets.UTF_8);
            // ZIP64: the real values are in extra field 1, in this order, for each field that overflowed.
            int extra = at + 46 + nameLength;
            for (int x = extra; x + 4 <= extra + extraLength; ) {
                int id = b.getShort(x) & 0xFFFF;
                int length = b.getShort(x + 2) & 0xFFFF;
                if (id == 1) {
                    int v = x + 4;
                    if (size == 0xFFFFFFFFL && v + 8 <= x + 4 + length) {
                        size = b.getLong(v);
                        v += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && v + 8 <= x + 4 + length) {
                        compressed = b.getLong(v);
                        v += 8;
                    }
                    if (offset == 0xFFFFFFFFL && v + 8 <= x + 4 + length) {
                        offset = b.getLong(v);
                    }
                }
                x += 4 + length;
            }
            entries.add(new Entry(name, method, compressed, size, offset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /**
     * Fetches these members (local header and data) in as few requests as their places allow: members within
     * {@link #GAP} of each other come in one, as a wheel's dist-info files sit side by side.
     */
    public void prefetch(List<Entry> members) throws IOException {
        List<long[]> spans = new ArrayList<>();
        for (Entry entry : members) {
            if (entry.size() > MAX_MEMBER || entry.compressedSize() > MAX_MEMBER) {
                continue;
            }
            long[] span = {entry.localOffset(), entry.localOffset() + span(entry)};
            int i = 0;
            while (i < spans.size() && spans.get(i)[0] < span[0]) {
                i++;
            }
            spans.add(i, span);
        }
        long[] run = null;
        for (long[] span : spans) {
            if (run != null && span[0] - run[1] <= GAP) {
                run[1] = Math.max(run[1], span[1]);
                continue;
            }
            if (run != null) {
                source.prefetch(run[0], (int) (run[1] - run[0]));
            }
            run = span;
        }
        if (run != null) {
            source.prefetch(run[0], (int) (run[1] - run[0]));
        }
    }

    /** The local header, a local extra field up to 256 bytes (it may differ from the directory's) and the data. */
    private static int span(Entry entry) {
        return 30 + entry.name().getBytes(StandardCharsets.UTF_8).length + 256 + (int) entry.compressedSize();
    }

    /** A member's content: its local header and data in one request (the local extra field may differ). */
    public byte[] content(Entry entry) throws IOException {
        if (entry.size() > MAX_MEMBER || entry.compressedSize() > MAX_MEMBER) {
            throw new IOException(entry.name() + " is too large to be metadata");
        }
        byte[] chunk = source.read(entry.localOffset(), span(entry));
        ByteBuffer b = le(chunk);
        if (chunk.length < 30 || b.getInt(0) != LOCAL) {
            throw new IOException("a damaged member " + entry.name());
        }
        int start = 30 + (b.getShort(26) & 0xFFFF) + (b.getShort(28) & 0xFFFF);
        byte[] data = start + entry.compressedSize() <= chunk.length
                ? slice(chunk, start, (int) entry.compressedSize())
                : source.read(entry.localOffset() + start, (int) entry.compressedSize());
        if (entry.method() == 0) {
            return data;
        }
        if (entry.method() != 8) {
            throw new IOException(entry.name() + " uses zip method " + entry.method());
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            byte[] out = new byte[(int) entry.size()];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != out.length) {
                throw new IOException("a damaged member " + entry.name());
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("a damaged member " + entry.name() + ": " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int lastIndexOf(byte[] bytes, int signature, int minLength) {
        ByteBuffer b = le(bytes);
        for (int i = bytes.length - minLength; i >= 0; i--) {
            if (b.getInt(i) == signature) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] bytes, int from, int length) throws IOException {
        if (from < 0 || from + length > bytes.length) {
            throw new IOException("a truncated zip file");
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, from, out, 0, length);
        return out;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
