package dev.safepip.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote wheel read by HTTP range requests, as pip's lazy_wheel and uv do: first the last bytes (a suffix range,
 * which also gives the size in Content-Range), then only the ranges asked for. A server that answers a range with
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
    private long size = -1;
    private long fetched;

    /** @param headers extra request headers (Authorization) */
    public HttpRangeBytes(HttpClient client, URI uri, Map<String, String> headers) {
        this.client = client;
        this.uri = uri;
        this.headers = headers;
    }

    @Override
    public byte[] tail(int length) throws IOException {
        return get("bytes=-" + length);
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (length <= 0) {
            return new byte[0];
        }
        return get("bytes=" + offset + "-" + (offset + length - 1));
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

    private byte[] get(String range) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Range", range)
                // A compressed answer would make the offsets meaningless (pip sends the same).
                .header("Accept-Encoding", "identity");
        headers.forEach(request::header);
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
            if (expected > 64L * 1024 * 1024) {
                throw new NoRanges(uri.getHost() + " sent more than was asked for");
            }
            byte[] bytes = body.readNBytes((int) expected);
            fetched += bytes.length;
            if (bytes.length != expected) {
                throw new IOException("the connection to " + uri.getHost() + " broke off");
            }
            return bytes;
        }
    }
}
