package dev.safepip.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    /** How a helper ended; timedOut means it was killed at the limit. */
    public record Result(int exit, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }
    }

    private CapturedCommand() {
    }

    /**
     * @throws IOException when the command cannot be started at all, kept apart from "ran and failed"
     */
    public static Result run(List<String> argv, Map<String, String> env, Path cwd, Duration timeout)
            throws IOException {
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            // false: commons-exec must not add quotes of its own; each argv element goes over as it is.
            line.addArgument(arg, false);
        }
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(cwd.toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int exit = executor.execute(line, env);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                watchdog.killedProcess());
    }
}
