package dev.safepip.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A look-up run beside another behaves as one run directly: output, exit code, a command that cannot start. */
class CapturedCommandTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final Path CWD = Path.of("/");

    @Test
    void besideGivesTheCommandsOwnAnswerAtALowerPriority() throws IOException {
        CapturedCommand.Result result = CapturedCommand.runBeside(List.of("/bin/sh", "-c",
                "echo out; echo err >&2; cat /proc/self/stat | cut -d' ' -f19; exit 3"), ENV, CWD,
                Duration.ofSeconds(10));
        assertEquals(3, result.exit());
        assertEquals("err\n", result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertEquals("out", lines.get(0));
        // Field 19 of /proc/self/stat is the niceness: ten more than safepip's own under nice -n 10 (at most 19;
        // the tests themselves may run niced), the same where /usr/bin/nice is missing.
        int nice = Integer.parseInt(lines.get(1).strip());
        CapturedCommand.Result plain = CapturedCommand.run(List.of("/bin/sh", "-c",
                "cat /proc/self/stat | cut -d' ' -f19"), ENV, CWD, Duration.ofSeconds(10));
        int own = Integer.parseInt(plain.stdout().strip());
        assertTrue(nice == Math.min(19, own + 10) || !java.nio.file.Files.isExecutable(Path.of("/usr/bin/nice")),
                "nice " + nice + ", safepip's own " + own);
    }

    @Test
    void aCommandThatCannotStartIsAnIoProblemBesideToo() {
        assertThrows(IOException.class, () -> CapturedCommand.run(List.of("/nonexistent/tool"), ENV, CWD,
                Duration.ofSeconds(10)));
        IOException e = assertThrows(IOException.class, () -> CapturedCommand.runBeside(List.of("/nonexistent/tool"),
                ENV, CWD, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("/nonexistent/tool"), e.getMessage());
    }
}
