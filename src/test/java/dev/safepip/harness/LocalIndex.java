package dev.safepip.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PEP 503 "simple" index over a folder of wheels, on 127.0.0.1, so pip can resolve and download
 * packages exactly as it would from PyPI, with no network. The folder is rescanned on every
 * request so a test may add wheels after the server started.
 */
public final class LocalIndex implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path wheels;
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

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

    public int port() { return server.getAddress().getPort(); }

    /** The --index-url value. */
    public String url() { return "http://127.0.0.1:" + port() + "/simple/"; }

    public int requestCount() { return count.get(); }

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
            if (!head && !"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", bytes("method not allowed\n"), false);
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
                Path file = wheels.resolve(name);
                // Only plain names inside the folder: no traversal out of it.
                if (name.isEmpty() || name.contains("/") || name.contains("..") || !Files.isRegularFile(file)) {
                    send(ex, 404, "text/plain", bytes("no such file: " + name + "\n"), head);
                } else {
                    send(ex, 200, "application/octet-stream", Files.readAllBytes(file), head);
                }
            } else {
                send(ex, 404, "text/plain", bytes("not found\n"), head);
            }
        }
    }

    /** Normalized project name → its wheels, from the folder as it is right now. */
    private Map<String, List<Path>> projects() throws IOException {
        Map<String, List<Path>> m = new TreeMap<>();
        if (!Files.isDirectory(wheels)) {
            return m;
        }
        try (Stream<Path> s = Files.list(wheels)) {
            for (Path p : s.sorted().toList()) {
                String fn = p.getFileName().toString();
                int dash = fn.indexOf('-');
                if (fn.endsWith(".whl") && dash > 0 && Files.isRegularFile(p)) {
                    m.computeIfAbsent(WheelBuilder.normalize(fn.substring(0, dash)), k -> new ArrayList<>()).add(p);
                }
            }
        }
        return m;
    }

    private String rootPage() throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Simple index</title></head><body>\n");
        for (String project : projects().keySet()) {
            b.append("<a href=\"/simple/").append(project).append("/\">").append(project).append("</a><br/>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String projectPage(String project, List<Path> files) throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Links for ")
                .append(project).append("</title></head><body>\n<h1>Links for ").append(project).append("</h1>\n");
        for (Path f : files) {
            String fn = f.getFileName().toString();
            String sha = HexFormat.of().formatHex(WheelBuilder.sha256(Files.readAllBytes(f)));
            b.append("<a href=\"/files/").append(fn).append("#sha256=").append(sha).append("\">")
                    .append(fn).append("</a><br/>\n");
        }
        return b.append("</body></html>\n").toString();
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
