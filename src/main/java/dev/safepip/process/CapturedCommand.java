package dev.safepip.process;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs a helper command whose output safepip reads (an interpreter question, a version, a package look-up), with
 * a time limit. Never for pip's own runs: stream pumping takes the terminal away from the child.
 */
public final class CapturedCommand {
    /** Where coreutils keeps nice; without it a look-up beside another runs at the usual priority. */
    private static final Path NICE = Path.of("/usr/bin/nice");

    /** How a helper ended; timedOut means it was killed at the limit. */
    public record Result(int exit, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }
    }

    /**
     * The helpers running beside the look, and the look itself: when safepip is done before them (pip's look failed, so apt's answer is
     * never asked for), they must not outlive it. A JVM that halts leaves its children running, reparented to init:
     * `--plan install nosuchpkg` left apt-cache working for minutes after safepip had answered.
     */
    private static final List<Process> BESIDE = new ArrayList<>();

    private CapturedCommand() {
    }

    /**
     * Ends the helpers still running beside the look, and their children, without waiting for them: for the one
     * place that ends the JVM. Nothing to do (and no class loaded) when none were started.
     */
    public static void endHelpers() {
        List<Process> running;
        synchronized (BESIDE) {
            if (BESIDE.isEmpty()) {
                return;
            }
            running = new ArrayList<>(BESIDE);
            BESIDE.clear();
        }
        for (Process process : running) {
            if (process.isAlive()) {
                // Children first: once the parent is gone, they can no longer be found through it.
                ProcessHandle[] children = process.toHandle().descendants().toArray(ProcessHandle[]::new);
                for (ProcessHandle child : children) {
                    child.destroyForcibly();
                }
                process.destroyForcibly();
            }
        }
    }

    /**
     * @throws IOException when the command cannot be started at all, kept apart from "ran and failed"
     */
    public static Result run(List<String> argv, Map<String, String> env, Path cwd, Duration timeout)
            throws IOException {
        return run(argv, env, cwd, timeout, ChildWatch.NONE);
    }

    /**
     * pip's look at the packages, which runs in a thread of its own while the rest of the plan is gathered: at the
     * usual priority (the user waits for it), and ended with safepip ({@link #endHelpers}) should safepip answer
     * first (a failure elsewhere in the plan), instead of reading an index for minutes after safepip is gone.
     *
     * @throws IOException when the command cannot be started at all, kept apart from "ran and failed"
     */
    public static Result runForLook(List<String> argv, Map<String, String> env, Path cwd, Duration timeout)
            throws IOException {
        return run(argv, env, cwd, timeout, BESIDE_WATCH);
    }

    /**
     * A look-up that runs beside the one the user waits for (apt's versions, pipx's folders beside pip's look at the
     * package): at a lower CPU priority, so that on a machine with few cores pip's look is not slowed by them (about
     * a tenth of a second on two cores). When nothing else runs, nice costs nothing.
     *
     * @throws IOException when the command cannot be started at all, kept apart from "ran and failed"
     */
    public static Result runBeside(List<String> argv, Map<String, String> env, Path cwd, Duration timeout)
            throws IOException {
        if (!Files.isExecutable(NICE)) {
            return run(argv, env, cwd, timeout, BESIDE_WATCH);
        }
        List<String> niced = new ArrayList<>(List.of(NICE.toString(), "-n", "10"));
        // Resolved here: nice would look a bare name up itself, on a PATH that may hold "." or an empty entry.
        niced.addAll(ProgramResolver.resolve(argv, env));
        Result result = run(niced, env, cwd, timeout, BESIDE_WATCH);
        if ((result.exit() == 126 || result.exit() == 127)
                && (result.stderr().startsWith(NICE + ": ") || result.stderr().startsWith("nice: "))) {
            // nice could not start it: the same answer as starting it directly would give.
            throw new IOException("cannot run " + argv.get(0) + ": " + result.stderr().strip());
        }
        return result;
    }

    /**
     * Also tells watch when the child starts and ends, and passes a SIGTERM sent to safepip alone on to it.
     *
     * @throws IOException when the command cannot be started at all, kept apart from "ran and failed"
     */
    public static Result run(List<String> argv, Map<String, String> env, Path cwd, Duration timeout,
                             ChildWatch watch) throws IOException {
        // A Latin-1 file name among the arguments goes over as its own bytes.
        List<String> resolved = ExactBytes.argv(ProgramResolver.resolve(argv, env));
        CommandLine line = new CommandLine(resolved.get(0));
        for (String arg : resolved.subList(1, resolved.size())) {
            // false: commons-exec must not add quotes of its own; each argv element goes over as it is.
            line.addArgument(arg, false);
        }
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DefaultExecutor executor = watch == ChildWatch.NONE
                ? DefaultExecutor.builder().setWorkingDirectory(cwd.toFile()).get()
                : new Watched(watch, cwd);
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int exit;
        try {
            exit = executor.execute(line, env);
        } finally {
            if (executor instanceof Watched watched) {
                watched.ended();
            }
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                watchdog.killedProcess());
    }

    /** Marks the runs beside the look (a class, not a lambda: it is loaded on every blocked install). */
    private static final ChildWatch BESIDE_WATCH = new ChildWatch() {
        @Override
        public void started(ProcessHandle child) {
        }

        @Override
        public void ended(ProcessHandle child) {
        }
    };

    /**
     * An executor that shows the process it launches to a ChildWatch; commons-exec has no other hook for it. A helper
     * beside the look is listed in BESIDE while it runs instead, and safepip's signal handling is left alone for it:
     * Ctrl-C during the look is not the helper's to receive.
     */
    private static final class Watched extends DefaultExecutor {
        private final ChildWatch watch;
        private Process process;

        @SuppressWarnings("deprecation")
        Watched(ChildWatch watch, Path cwd) {
            this.watch = watch;
            setWorkingDirectory(cwd.toFile());
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, Path dir) throws IOException {
            return started(super.launch(command, env, dir));
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
            return started(super.launch(command, env, dir));
        }

        private Process started(Process launched) {
            if (process == null) {
                process = launched;
                if (watch == BESIDE_WATCH) {
                    synchronized (BESIDE) {
                        BESIDE.add(launched);
                    }
                } else {
                    ChildSignals.shieldFrom(launched);
                    watch.started(launched.toHandle());
                }
            }
            return launched;
        }

        void ended() {
            if (process == null) {
                return;
            }
            if (watch == BESIDE_WATCH) {
                synchronized (BESIDE) {
                    BESIDE.remove(process);
                }
            } else {
                watch.ended(process.toHandle());
            }
        }
    }
}
