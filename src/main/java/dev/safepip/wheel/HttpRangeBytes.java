package dev.safepip.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote wheel read by HTTP range requests, as pip's lazy_wheel and uv do: first the last bytes (a suffix range,
 * which also gives the size in Content-Range), then only the ranges asked for, each byte fetched once: what was
 * fetched is kept and served from memory (a look holds a directory of a few megabytes at most). A server that answers a range with
 * the whole file is not read any further: {@link NoRanges} says so and the caller falls back.
 */
public final class HttpRangeBytes implements ByteSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** The server cannot, or will not, serve parts of the file. */
    public static final class NoRanges extends IOException {
        private static final long serialVersionUID = 1L;

        NoRanges(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final URI uri;
    private final Map<String, String> headers;
    /** The parts fetched so far, sorted by offset, each never overlapping another: served from memory. */
    private final List<Piece> pieces = new ArrayList<>();
    private long size = -1;
    private long fetched;
    private int requests;

    private record Piece(long first, byte[] bytes) {
        long end() {
            return first + bytes.length;
        }
    }

    /** @param headers extra request headers (Authorization) */
    public HttpRangeBytes(HttpClient client, URI uri, Map<String, String> headers) {
        this.client = client;
        this.uri = uri;
        this.headers = headers;
    }

    @Override
    public byte[] tail(int length) throws IOException {
        if (size < 0) {
            add(get("bytes=-" + length));
        }
        long from = Math.max(0, size - length);
        return read(from, (int) (size - from));
    }

    /**
     * Exactly length bytes from offset (fewer only at the end of the file). What is already held is served from
     * memory; each hole in it is fetched in one request, so a byte is never fetched twice.
     */
    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (length <= 0) {
            return new byte[0];
        }
        if (size < 0) {
            tail(1);
        }
        long end = Math.min(offset + length, size);
        if (end <= offset) {
            return new byte[0];
        }
        // The holes in what is held, each fetched in one request: none of the bytes held is asked for again.
        List<long[]> holes = new ArrayList<>();
        long at = offset;
        for (Piece piece : pieces) {
            if (piece.end() <= at || piece.first() >= end) {
                continue;
            }
            if (piece.first() > at) {
                holes.add(new long[] {at, piece.first()});
            }
            at = Math.max(at, piece.end());
        }
        if (at < end) {
            holes.add(new long[] {at, end});
        }
        for (long[] hole : holes) {
            add(get("bytes=" + hole[0] + "-" + (hole[1] - 1)));
        }
        byte[] out = new byte[(int) (end - offset)];
        for (Piece piece : pieces) {
            long a = Math.max(piece.first(), offset);
            long b = Math.min(piece.end(), end);
            if (a < b) {
                System.arraycopy(piece.bytes(), (int) (a - piece.first()), out, (int) (a - offset), (int) (b - a));
            }
        }
        return out;
    }

    /** Fetches what is missing of this range now, so that the reads inside it that follow cost no request. */
    @Override
    public void prefetch(long offset, int length) throws IOException {
        read(offset, length);
    }

    @Override
    public long size() throws IOException {
        if (size < 0) {
            tail(1);
        }
        return size;
    }

    @Override
    public long fetched() {
        return fetched;
    }

    /** How many requests were sent (for tests and the bench: a look must stay small). */
    public int requests() {
        return requests;
    }

    /** Keeps a fetched part in offset order (parts never overlap: only holes are fetched). */
    private void add(Piece piece) {
        int i = 0;
        while (i < pieces.size() && pieces.get(i).first() < piece.first()) {
            i++;
        }
        pieces.add(i, piece);
    }

    private Piece get(String range) throws IOException {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Range", range)
                // A compressed answer would make the offsets meaningless (pip sends the same).
                .header("Accept-Encoding", "identity");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 200) {
                // The whole file is coming: stop here, closing the stream drops the connection.
                throw new NoRanges(uri.getHost() + " does not serve byte ranges");
            }
            if (status != 206) {
                throw new IOException(uri.getHost() + " answered HTTP " + status);
            }
            Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches()) {
                throw new NoRanges(uri.getHost() + " sent a part without saying which (Content-Range)");
            }
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            size = Long.parseLong(m.group(3));
            long expected = last - first + 1;
            if (expected > 64L * 1024 * 1024 || last >= size) {
                throw new NoRanges(uri.getHost() + " sent more than was asked for");
            }
            byte[] bytes = body.readNBytes((int) expected);
            fetched += bytes.length;
            if (bytes.length != expected) {
                throw new IOException("the connection to " + uri.getHost() + " broke off");
            }
            return new Piece(first, bytes);
        }
    }
}
