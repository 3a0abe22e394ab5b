package dev.safepip.harness;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real process from an argv list (never a shell string, so paths with odd characters are
 * passed through untouched) with an environment that contains only what the caller gave.
 */
public final class Proc {

    /** Upper bound for draining pipes after the process is gone; a detached grandchild may hold them. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

    private Proc() {}

    public record Result(int exit, byte[] stdoutBytes, String stdout, String stderr, Duration took) {
        /** Everything needed to understand a failed assertion without rerunning. */
        public String describe() {
            return "exit=" + exit + " took=" + took.toMillis() + "ms\n"
                    + "--- stdout ---\n" + stdout + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n")
                    + "--- stderr ---\n" + stderr + (stderr.endsWith("\n") || stderr.isEmpty() ? "" : "\n")
                    + "--------------";
        }
    }

    /** stdin comes from /dev/null: a child that wants input sees EOF instead of hanging. */
    public static Result run(List<String> argv, Map<String, String> env, Path cwd, Duration timeout) {
        return run(argv, env, cwd, timeout, null);
    }

    /** @param stdin bytes fed to the child, or null for /dev/null */
    public static Result run(List<String> argv, Map<String, String> env, Path cwd, Duration timeout, byte[] stdin) {
        List<String> command = new ArrayList<>(argv);
        command.set(0, resolve(argv.get(0), env, cwd));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("could not start " + argv + ": " + e.getMessage(), e);
        }
        // Both pipes drained on their own threads: a child filling one pipe while we block on the
        // other would otherwise deadlock.
        Pump out = new Pump(p.getInputStream(), "stdout");
        Pump err = new Pump(p.getErrorStream(), "stderr");
        if (stdin != null) {
            Thread feeder = new Thread(() -> {
                try (OutputStream os = p.getOutputStream()) {
                    os.write(stdin);
                } catch (IOException ignored) {
                    // The child may exit without reading all input; that is its business.
                }
            }, "proc-stdin");
            feeder.setDaemon(true);
            feeder.start();
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, e);
        }
        if (!finished) {
            killTree(p);
        }
        byte[] o = out.finish();
        byte[] e = err.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Result r = new Result(finished ? p.exitValue() : -1, o,
                new String(o, StandardCharsets.UTF_8), new String(e, StandardCharsets.UTF_8), took);
        if (!finished) {
            throw new AssertionError("timed out after " + timeout.toMillis() + "ms (process tree killed): "
                    + argv + "\n" + r.describe());
        }
        return r;
    }

    /**
     * Finds a bare command name on the child's PATH. The JDK searches the JVM's own PATH instead
     * (on this machine pyenv's shims come first there), which would run the wrong pip/python.
     */
    static String resolve(String program, Map<String, String> env, Path cwd) {
        if (program.contains("/")) {
            return program;
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":", -1)) {
            Path d = Path.of(dir.isEmpty() ? "." : dir);
            // Relative entries are relative to the child's working directory, not ours.
            Path candidate = (cwd == null ? d : cwd.resolve(d)).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("'" + program + "' not found on the child's PATH=" + path);
    }

    /** Descendants first, so a child cannot be re-parented and survive its killed parent. */
    static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Pump {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Pump(InputStream in, String name) {
            thread = new Thread(() -> {
                try (in) {
                    byte[] b = new byte[8192];
                    int n;
                    while ((n = in.read(b)) >= 0) {
                        synchronized (buf) {
                            buf.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // JDK may close the stream under us once the process is reaped; keep what was read.
                }
            }, "proc-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        byte[] finish() {
            try {
                thread.join(DRAIN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // If something still holds the pipe open we return what we have rather than hang.
            synchronized (buf) {
                return buf.toByteArray();
            }
        }
    }
}
