package dev.safepip.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs pip for the user: stdin, stdout and stderr are the user's own, so pip sees the terminal (colours, progress
 * bars, prompts) and `pip freeze > file` stays clean. The exit status is pip's, 128+N when a signal ended it.
 */
public final class PipRunner {
    private final Map<String, String> env;
    private final Path cwd;

    public PipRunner(Map<String, String> env, Path cwd) {
        this.env = env;
        this.cwd = cwd;
    }

    /** The same runner, starting its children in another folder. */
    public PipRunner in(Path folder) {
        return new PipRunner(env, folder);
    }

    /** The same runner with some variables set for the child. */
    public PipRunner with(Map<String, String> changes) {
        Map<String, String> changed = new java.util.HashMap<>(env);
        changed.putAll(changes);
        return new PipRunner(changed, cwd);
    }

    /** Runs with all three streams inherited. */
    public int run(List<String> argv) throws IOException {
        return run(argv, ChildWatch.NONE);
    }

    /** Runs with all three streams inherited, telling watch when pip starts and ends. */
    public int run(List<String> argv, ChildWatch watch) throws IOException {
        ProcessBuilder builder = builder(argv).inheritIO();
        Process process = builder.start();
        watch.started(process.toHandle());
        try {
            return waitFor(process);
        } finally {
            watch.ended(process.toHandle());
        }
    }

    /**
     * Runs with stdin and stdout inherited and stderr copied through as it comes, each line also shown to
     * watcher (pip prints its PEP 668 refusal on stderr). Used only when safepip could not decide beforehand.
     */
    public int runWatchingStderr(List<String> argv, Consumer<String> watcher) throws IOException {
        ProcessBuilder builder = builder(argv)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        Thread copier = new Thread(() -> copyLines(process.getErrorStream(),
                new FileOutputStream(FileDescriptor.err), watcher), "pip-stderr");
        copier.setDaemon(true);
        copier.start();
        int exit = waitFor(process);
        try {
            copier.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exit;
    }

    private ProcessBuilder builder(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ExactBytes.argv(ProgramResolver.resolve(argv, env)))
                .directory(cwd.toFile());
        Map<String, String> inherited = builder.environment();
        // Only what differs is set: an inherited variable keeps its own bytes (a HOME in Latin-1), which a String
        // put back would lose.
        inherited.keySet().retainAll(env.keySet());
        for (Map.Entry<String, String> variable : env.entrySet()) {
            if (!variable.getValue().equals(inherited.get(variable.getKey()))) {
                inherited.put(variable.getKey(), variable.getValue());
            }
        }
        return builder;
    }

    private static int waitFor(Process process) {
        ChildSignals.shieldFrom(process);
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // Only pip decides when pip is done.
            }
        }
    }

    /** Copies bytes as they come (pip's progress output is not line-based) and hands whole lines to watcher. */
    static void copyLines(InputStream in, OutputStream out, Consumer<String> watcher) {
        byte[] buffer = new byte[8192];
        StringBuilder line = new StringBuilder();
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
                for (int i = 0; i < n; i++) {
                    char c = (char) (buffer[i] & 0xff);
                    if (c == '\n') {
                        watcher.accept(line.toString());
                        line.setLength(0);
                    } else if (line.length() < 4096) {
                        // The token we look for is ASCII; other bytes only need to keep their place.
                        line.append(c);
                    }
                }
            }
            if (line.length() > 0) {
                watcher.accept(line.toString());
            }
        } catch (IOException e) {
            // pip closed its stderr or the terminal went away: nothing more to copy.
        }
    }
}
