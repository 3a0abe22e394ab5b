package dev.safepip.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * A PEP 503 "simple" index over a folder of wheels, with PEP 658 metadata files, byte ranges and an
 * optional rate limit (as PyPI over a real link), on 127.0.0.1, so pip can resolve and download
 * packages exactly as it would from PyPI, with no network. The folder is rescanned on every
 * request so a test may add wheels after the server started.
 */
public final class LocalIndex implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path wheels;
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final Map<String, String> shaCache = new ConcurrentHashMap<>();
    private volatile long bytesPerSecond;
    private volatile boolean ranges = true;
    private volatile boolean metadata;
    private volatile String authorization;
    private final AtomicInteger refused = new AtomicInteger();

    private LocalIndex(HttpServer server, ExecutorService executor, Path wheels) {
        this.server = server;
        this.executor = executor;
        this.wheels = wheels;
    }

    public static LocalIndex serve(Path wheelsDir) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads: tests may run pip processes concurrently against one index.
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "local-index-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            LocalIndex index = new LocalIndex(server, executor, wheelsDir.toAbsolutePath());
            server.createContext("/", index::handle);
            server.setExecutor(executor);
            server.start();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves a folder of wheels until stdin closes, for scripts/bench:
     * {@code LocalIndex DIR [BYTES_PER_SECOND [no-metadata]]}. Prints the index URL on its first line; /_stats gives
     * the bytes sent and the requests served so far.
     */
    public static void main(String[] args) throws IOException {
        try (LocalIndex index = serve(Path.of(args[0]))) {
            index.metadata(!(args.length > 2 && args[2].equals("no-metadata")));
            if (args.length > 1) {
                index.rateLimit(Long.parseLong(args[1]));
            }
            System.out.println(index.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Only the end of input matters.
            }
        }
    }

    public int port() { return server.getAddress().getPort(); }

    /** The --index-url value. */
    public String url() { return "http://127.0.0.1:" + port() + "/simple/"; }

    public int requestCount() { return count.get(); }

    /** Bytes of file bodies sent so far (wheels, their parts and their .metadata), for measuring a look. */
    public long bytesSent() { return bytesSent.get(); }

    /** Sends file bodies no faster than this (0: as fast as it can), like a real link. */
    public LocalIndex rateLimit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** Whether Range requests get 206 parts (true, as PyPI) or the whole file (false, as some servers). */
    public LocalIndex ranges(boolean on) {
        this.ranges = on;
        return this;
    }

    /**
     * Whether project pages offer PEP 658 metadata files, as PyPI does. Off unless asked: Debian 12's pip 23.0.1
     * then refuses a project whose requirement is spelled otherwise than its metadata's Name (pipx asks for
     * "pkgb" of "pkgB": "inconsistent Name", fixed in pip 23.1), which tests of other things must not trip on.
     */
    public LocalIndex metadata(boolean on) {
        this.metadata = on;
        return this;
    }

    /**
     * Serves only requests that carry these HTTP Basic credentials, as a private index does; others get 401 and a
     * Basic challenge (pip then asks its netrc, keyring or the user).
     */
    public LocalIndex credentials(String user, String password) {
        this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Requests refused for want of the credentials. */
    public int refusedCount() { return refused.get(); }

    /** Request paths in arrival order (a snapshot). */
    public List<String> requests() { return List.copyOf(requests); }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            count.incrementAndGet();
            requests.add(path);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            String required = authorization;
            if (required != null && !path.equals("/_stats")
                    && !required.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"private index\"");
                send(ex, 401, "text/plain", bytes("credentials needed\n"), head);
            } else if (!head && !"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", bytes("method not allowed\n"), false);
            } else if (path.equals("/_stats")) {
                // For scripts/bench: what the look cost, read between runs.
                send(ex, 200, "text/plain", bytes("bytes-sent " + bytesSent.get() + "\nrequests "
                        + count.get() + "\n"), head);
            } else if (path.equals("/simple")) {
                redirect(ex, "/simple/");
            } else if (path.equals("/simple/")) {
                send(ex, 200, "text/html", bytes(rootPage()), head);
            } else if (path.startsWith("/simple/")) {
                String project = path.substring("/simple/".length());
                boolean slash = project.endsWith("/");
                if (slash) {
                    project = project.substring(0, project.length() - 1);
                }
                String norm = WheelBuilder.normalize(project);
                List<Path> files = project.contains("/") ? List.of() : projects().getOrDefault(norm, List.of());
                if (files.isEmpty()) {
                    send(ex, 404, "text/plain", bytes("no such project: " + project + "\n"), head);
                } else if (!slash || !norm.equals(project)) {
                    // PEP 503: clients may ask for a non-normalized name; point them at the canonical URL.
                    redirect(ex, "/simple/" + norm + "/");
                } else {
                    send(ex, 200, "text/html", bytes(projectPage(norm, files)), head);
                }
            } else if (path.startsWith("/files/")) {
                String name = path.substring("/files/".length());
                boolean metadataFile = name.endsWith(".whl.metadata");
                String wheelName = metadataFile ? name.substring(0, name.length() - ".metadata".length()) : name;
                Path file = wheels.resolve(wheelName);
                if (!Files.isRegularFile(file) && !wheelName.contains("/")) {
                    file = SYSTEM_WHEELS.resolve(wheelName);
                }
                // Only plain names inside the folder: no traversal out of it.
                if (wheelName.isEmpty() || wheelName.contains("/") || wheelName.contains("..")
                        || !Files.isRegularFile(file) || metadataFile && !metadata) {
                    send(ex, 404, "text/plain", bytes("no such file: " + name + "\n"), head);
                } else if (metadataFile) {
                    byte[] body = metadataOf(file);
                    bytesSent.addAndGet(head ? 0 : body.length);
                    send(ex, 200, "application/octet-stream", body, head);
                } else {
                    sendFile(ex, file, head);
                }
            } else {
                send(ex, 404, "text/plain", bytes("not found\n"), head);
            }
        }
    }

    /**
     * Debian's own copies of pip, setuptools and wheel (python3-pip-whl, which python3-venv needs): served for the
     * projects the test's folder lacks, as a real index has them. pipx 1.5 and later upgrade the pip of their shared
     * environment from the index (pipx 1.7.1 on Debian 13 asks for pip>=23.1): without them every pipx test fails.
     * Never the network: the wheels come from the system itself.
     */
    static final Path SYSTEM_WHEELS = Path.of("/usr/share/python-wheels");

    /** Normalized project name → its wheels, from the folder as it is right now, then the system's wheels. */
    private Map<String, List<Path>> projects() throws IOException {
        Map<String, List<Path>> m = new TreeMap<>();
        addWheels(m, wheels);
        Map<String, List<Path>> system = new TreeMap<>();
        addWheels(system, SYSTEM_WHEELS);
        for (Map.Entry<String, List<Path>> entry : system.entrySet()) {
            m.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return m;
    }

    private static void addWheels(Map<String, List<Path>> m, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                String fn = p.getFileName().toString();
                int dash = fn.indexOf('-');
                if (fn.endsWith(".whl") && dash > 0 && Files.isRegularFile(p)) {
                    m.computeIfAbsent(WheelBuilder.normalize(fn.substring(0, dash)), k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    private String rootPage() throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Simple index</title></head><body>\n");
        for (String project : projects().keySet()) {
            b.append("<a href=\"/simple/").append(project).append("/\">").append(project).append("</a><br/>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private String projectPage(String project, List<Path> files) throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Links for ")
                .append(project).append("</title></head><body>\n<h1>Links for ").append(project).append("</h1>\n");
        for (Path f : files) {
            String fn = f.getFileName().toString();
            b.append("<a href=\"/files/").append(fn).append("#sha256=").append(sha256(f)).append("\"");
            if (metadata) {
                // PEP 658 and its PEP 714 spelling: pip 22.3-23.x read the first, newer pips the second.
                String sha = HexFormat.of().formatHex(WheelBuilder.sha256(metadataOf(f)));
                b.append(" data-dist-info-metadata=\"sha256=").append(sha).append("\"")
                        .append(" data-core-metadata=\"sha256=").append(sha).append("\"");
            }
            b.append(">").append(fn).append("</a><br/>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** A wheel's hash, computed once per size and modification time: a 250 MB wheel takes a second to hash. */
    private String sha256(Path file) throws IOException {
        String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        String cached = shaCache.get(key);
        if (cached != null) {
            return cached;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        shaCache.put(key, sha);
        return sha;
    }

    /** The wheel's own .dist-info/METADATA, byte for byte, as PEP 658 requires. */
    private static byte[] metadataOf(Path wheel) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().matches("[^/]+\\.dist-info/METADATA"))
                    .findFirst().orElseThrow(() -> new IOException("no METADATA in " + wheel));
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** The file or, for a satisfiable Range header, the part asked for (206), paced by the rate limit. */
    private void sendFile(HttpExchange ex, Path file, boolean head) throws IOException {
        long size = Files.size(file);
        long first = 0;
        long last = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (ranges && m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                // bytes=-N: the last N bytes, or the whole file when it is shorter (RFC 9110).
                first = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (first > last || first >= size) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        long length = last - first + 1;
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (ranges) {
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        }
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length);
        long start = System.nanoTime();
        long sent = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
             OutputStream os = ex.getResponseBody()) {
            in.seek(first);
            byte[] buffer = new byte[64 * 1024];
            while (sent < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
                if (n < 0) {
                    break;
                }
                // Counted before it is written: a client may have read it before this thread runs again.
                bytesSent.addAndGet(n);
                os.write(buffer, 0, n);
                sent += n;
                pace(start, sent);
            }
        }
    }

    /** Sleeps until sent bytes are due at the rate limit. */
    private void pace(long startNanos, long sent) {
        long rate = bytesPerSecond;
        if (rate <= 0) {
            return;
        }
        long dueNanos = startNanos + sent * 1_000_000_000L / rate;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(301, -1);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
