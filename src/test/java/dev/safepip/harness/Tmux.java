package dev.safepip.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a program on a real pseudo-terminal inside a private tmux server, so tests can see what a
 * user would see (prompts, colours, isatty-dependent behaviour) and type at it.
 *
 * <p>Each instance has its own server (-L with a unique socket name): tests can run in parallel
 * and never touch a developer's own tmux sessions.
 */
public final class Tmux implements AutoCloseable {

    private static final String TMUX = "/usr/bin/tmux";
    private static final Duration CMD_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MS = 50;

    private final String socket;
    private final String session;
    private final Path conf;
    private final Map<String, String> env;
    private final Path cwd;
    private Path socketPath;
    private String serverPid;

    private Tmux(String socket, String session, Path conf, Map<String, String> env, Path cwd) {
        this.socket = socket;
        this.session = session;
        this.conf = conf;
        this.env = env;
        this.cwd = cwd;
    }

    /**
     * Starts {@code argv} (executed directly, never through a shell) in a detached session of the
     * given size.
     * The tmux server is started with exactly {@code env}, which the program inherits, plus what
     * tmux itself adds: TERM=tmux-256color (overriding env's TERM), TERM_PROGRAM=tmux,
     * TERM_PROGRAM_VERSION, TMUX, TMUX_PANE, PWD, and SHELL when env has none.
     */
    public static Tmux start(String sessionName, List<String> argv, Map<String, String> env, Path cwd,
                             int cols, int rows) {
        Prerequisites.command("tmux", "tmux");
        String socket = "safepip-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path conf;
        try {
            conf = Files.createTempFile("safepip-tmux-", ".conf");
            // In the config file, not set afterwards: a fast program could exit (and its pane
            // vanish, taking the final screen and exit status with it) before a later
            // set-option arrived.
            Files.writeString(conf, "set-option -g remain-on-exit on\n"
                    + "set-option -g history-limit 10000\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tmux t = new Tmux(socket, sessionName, conf, Map.copyOf(env), cwd);
        List<String> cmd = new ArrayList<>(List.of(TMUX, "-L", socket, "-f", conf.toString(),
                "new-session", "-d", "-s", sessionName, "-x", Integer.toString(cols), "-y", Integer.toString(rows),
                "-c", cwd.toAbsolutePath().toString(), "--"));
        if (argv.size() == 1) {
            // tmux hands a lone argument to /bin/sh -c; going through env keeps it a plain exec.
            cmd.addAll(List.of("/usr/bin/env", "--"));
        }
        cmd.addAll(argv);
        Proc.Result r = Proc.run(cmd, env, cwd, CMD_TIMEOUT);
        if (r.exit() != 0) {
            t.close();
            throw new AssertionError("tmux new-session failed: " + cmd + "\n" + r.describe());
        }
        String[] info = t.tmux(List.of("display-message", "-p", "#{pid} #{socket_path}")).stdout().strip().split(" ", 2);
        t.serverPid = info[0];
        // kill-server leaves the socket file behind; remember where it is so close() can remove it.
        t.socketPath = Path.of(info[1]);
        return t;
    }

    public String session() { return session; }
    public String socket() { return socket; }

    /** tmux key names ("Enter", "C-c", "Up") or text; unknown names are typed as characters. */
    public void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args);
    }

    /** Types {@code text} character by character, never interpreting it as a key name. */
    public void type(String text) {
        tmux(List.of("send-keys", "-t", session, "-l", "--", text));
    }

    /** Types {@code line} then presses Enter. */
    public void typeLine(String line) {
        type(line);
        sendKeys("Enter");
    }

    /** The visible screen, wrapped lines joined. */
    public String capture() {
        return tmux(List.of("capture-pane", "-p", "-J", "-t", session)).stdout();
    }

    /**
     * The screen with the lines scrolled off its top (from the start of the history), wrapped lines joined: once
     * the program has ended, tmux's "Pane is dead" line may have pushed the first line out of sight.
     */
    public String captureAll() {
        return tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-t", session)).stdout();
    }

    /** Polls the screen until it contains {@code text}; returns that screen. */
    public String waitFor(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = capture();
        while (!screen.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + "ms waiting for "
                        + quote(text) + " on screen:\n" + frame(screen));
            }
            sleep();
            screen = capture();
        }
        return screen;
    }

    /** True once the program has ended and tmux knows its exit status or signal. */
    public boolean exited() {
        return known(paneStatus());
    }

    /** Exit status of the program; fails if it is still running or was killed by a signal. */
    public int exitStatus() {
        String[] s = paneStatus();
        if (!known(s)) {
            throw new AssertionError("program still running; screen:\n" + frame(capture()));
        }
        if (s[1].isEmpty()) {
            throw new AssertionError("program killed by signal " + s[2] + "; screen:\n" + frame(capture()));
        }
        return Integer.parseInt(s[1]);
    }

    private static boolean known(String[] s) {
        return s[0].equals("1") && !(s[1].isEmpty() && s[2].isEmpty());
    }

    /** Waits for the program to end and returns its exit status. */
    public int waitForExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!exited()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("program did not exit within " + timeout.toMillis()
                        + "ms (pane dead:status:signal = " + String.join(":", paneStatus())
                        + "); screen:\n" + frame(capture()));
            }
            sleep();
        }
        return exitStatus();
    }

    /** Kills the private server (and with it the program); safe to call twice. */
    @Override
    public void close() {
        try {
            Proc.run(List.of(TMUX, "-L", socket, "kill-server"), env, cwd, CMD_TIMEOUT);
        } finally {
            try {
                Files.deleteIfExists(conf);
                if (socketPath != null) {
                    Files.deleteIfExists(socketPath);
                }
            } catch (IOException ignored) {
                // A leftover temp file is harmless.
            }
        }
    }

    /** {dead flag, exit status, signal}; the last two are empty until tmux has reaped the program. */
    private String[] paneStatus() {
        String[] f = queryPaneStatus();
        if (f[0].equals("1") && f[1].isEmpty() && f[2].isEmpty()) {
            // tmux marks the pane dead when its pty closes and learns the status on SIGCHLD. Run
            // from the JVM, tmux 3.3a misses that SIGCHLD in a few percent of runs and the program
            // stays a zombie forever. Another SIGCHLD makes the server call waitpid again; when
            // nothing is waiting it is a no-op.
            Proc.run(List.of("/bin/kill", "-s", "CHLD", serverPid), env, cwd, CMD_TIMEOUT);
            f = queryPaneStatus();
        }
        return f;
    }

    private String[] queryPaneStatus() {
        String out = tmux(List.of("display-message", "-p", "-t", session,
                "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}")).stdout().strip();
        String[] f = out.split(":", -1);
        if (f.length != 3) {
            throw new AssertionError("unexpected tmux pane status: " + out);
        }
        return f;
    }

    private Proc.Result tmux(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(TMUX, "-L", socket));
        cmd.addAll(args);
        Proc.Result r = Proc.run(cmd, env, cwd, CMD_TIMEOUT);
        if (r.exit() != 0) {
            throw new AssertionError("tmux command failed: " + cmd + "\n" + r.describe());
        }
        return r;
    }

    private static String frame(String screen) {
        return "+----\n" + screen + (screen.endsWith("\n") ? "" : "\n") + "+----";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
