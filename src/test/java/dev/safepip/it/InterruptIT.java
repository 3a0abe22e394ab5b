package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.JsonObject;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.Tmux;
import dev.safepip.harness.WheelBuilder;
import dev.safepip.route.StateLock;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A venv whose creation was cut short, by a crash or by Ctrl-C, is never reused half-made: Ctrl-C removes it on
 * the spot, and after a crash the next run finds the note safepip left and makes the venv again.
 */
class InterruptIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path work;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        work = Files.createDirectories(tmp.resolve("work"));
    }

    /** Kills the whole group of a `--via=venv install pkgA` while it makes the default venv. */
    private void crashMidCreation() throws Exception {
        Path defaultVenv = sandbox.defaultVenv();
        Path out = tmp.resolve("crashed.out");
        Path err = tmp.resolve("crashed.err");
        // setsid: the run gets a process group of its own, so the whole tree can be killed in one go.
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/setsid", Launcher.script().toString(), "--via=venv",
                "install", "pkgA");
        builder.environment().clear();
        builder.environment().putAll(sandbox.env(index));
        builder.directory(work.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        Process run = builder.start();
        try {
            // Mid-creation: the note is written and `python -m venv` has begun (pyvenv.cfg comes first, pip last).
            long deadline = System.nanoTime() + START.toNanos();
            while (!(hasNote() && Files.isRegularFile(defaultVenv.resolve("pyvenv.cfg")))) {
                if (!run.isAlive()) {
                    throw new AssertionError("safepip ended (exit " + run.exitValue() + ") before the venv was "
                            + "half-made:\n" + Files.readString(err));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no half-made venv within " + START + ":\n" + Files.readString(err));
                }
                Thread.sleep(20);
            }
            assertEquals(run.pid(), processGroup(run.pid()), "setsid did not give the run its own group");
            List<ProcessHandle> tree = run.descendants().toList();
            assertFalse(tree.isEmpty(), "python -m venv should be running under safepip");
            // The whole group at once, as a crash or the OOM killer would; then every process by its handle.
            Proc.run(List.of("/bin/kill", "-s", "KILL", "--", "-" + run.pid()), sandbox.testEnv().map(), work, QUICK);
            tree.forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            assertTrue(run.waitFor(10, TimeUnit.SECONDS), "safepip survived SIGKILL");
            assertNoProcessMentions(defaultVenv);
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    /**
     * Issue 20: after the crash the user makes the venv again in place (no --clear), which keeps safepip's token,
     * and installs a package of their own with its pip. The next run, at once, keeps that venv and says so.
     */
    @Test
    void aVenvTheUserMadeAgainInPlaceAfterACrashIsKept() throws Exception {
        Path defaultVenv = sandbox.defaultVenv();
        crashMidCreation();
        Proc.Result made = Proc.run(List.of(sandbox.managed().python().toString(), "-m", "venv",
                defaultVenv.toString()), sandbox.testEnv().map(), work, START);
        assertEquals(0, made.exit(), made.describe());
        Path wheel = WheelBuilder.of("userpkg", "1.0").build(tmp.resolve("own-wheels"));
        Proc.Result own = Proc.run(List.of(defaultVenv.resolve("bin/pip").toString(), "install", "--no-index",
                wheel.toString()), sandbox.testEnv().map(), work, START);
        assertEquals(0, own.exit(), own.describe());
        assertTrue(hasNote(), "test precondition: the crashed run's note is still there");

        Proc.Result again = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(69, again.exit(), again.describe());
        assertTrue(again.stderr().contains("safepip keeps it"), again.describe());
        assertTrue(again.stderr().contains("userpkg"), again.describe());
        Proc.Result imports = Proc.run(List.of(defaultVenv.resolve("bin/python").toString(), "-c",
                "import userpkg"), sandbox.testEnv().map(), work, QUICK);
        assertEquals(0, imports.exit(), "the user's package is gone: " + imports.describe());
    }

    @Test
    void aVenvLeftHalfMadeByACrashIsMadeAgain() throws Exception {
        Path defaultVenv = sandbox.defaultVenv();
        crashMidCreation();

        // What the crash left: the note, and a venv without pip that would pass for a working one.
        assertTrue(hasNote(), "the half-made note must survive the crash");
        assertTrue(Files.isDirectory(defaultVenv), "the crash should have left the venv folder");
        assertFalse(Files.exists(defaultVenv.resolve("bin/pip")),
                "test precondition: the crash came after ensurepip had finished");
        assertFalse(Files.exists(sandbox.ledger()), "the crashed run installed nothing");

        Proc.Result again = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(0, again.exit(), again.describe());
        assertTrue(again.stderr().contains("half-made"), again.describe());
        assertTrue(again.stderr().contains("creating a virtual environment"), again.describe());
        assertTrue(Files.isExecutable(defaultVenv.resolve("bin/pip")), "the venv was not made again: no pip");
        assertImportsPkgA();
        assertFalse(hasNote(), "the note must be gone once the venv is made");
        List<JsonObject> records = sandbox.ledgerRecords();
        assertEquals(1, records.size(), records.toString());
        assertEquals(defaultVenv.resolve("bin/pip").toString(),
                records.get(0).get("command").asArray().get(0).asString(), records.toString());
        assertEquals(0, records.get(0).getInt("exit", -1), records.toString());
    }

    @Test
    void ctrlCDuringCreationLeavesNoHalfMadeVenv() throws Exception {
        Path defaultVenv = sandbox.defaultVenv();
        List<String> argv = List.of("/bin/bash", "-c", "\"$@\"; echo \"EXIT=$?\"", "bash",
                Launcher.script().toString(), "--via=venv", "install", "pkgA");
        boolean venvAfter;
        try (Tmux tmux = Tmux.start("interrupt", argv, sandbox.env(index), work, 200, 60)) {
            tmux.waitFor("creating a virtual environment", START);
            // Into python -m venv's work: it has written pyvenv.cfg and is running ensurepip.
            long deadline = System.nanoTime() + START.toNanos();
            while (!Files.isRegularFile(defaultVenv.resolve("pyvenv.cfg"))) {
                if (System.nanoTime() > deadline || tmux.capture().contains("EXIT=")) {
                    throw new AssertionError("python -m venv never started; screen:\n" + tmux.capture());
                }
                Thread.sleep(20);
            }
            tmux.sendKeys("C-c");
            String screen = tmux.waitFor("EXIT=", QUICK);
            assertEquals(130, exitOf(screen), screen);
            assertFalse(screen.contains("Exception") || screen.contains("\tat "), screen);
            assertFalse(screen.contains("Successfully installed"), screen);
            assertNoProcessMentions(defaultVenv);
            venvAfter = Files.exists(defaultVenv);
            if (venvAfter) {
                // Left in place only if whole, or still noted for the next run to remove.
                assertTrue(Files.isExecutable(defaultVenv.resolve("bin/pip")) || hasNote(),
                        "a half-made venv was left without a note:\n" + screen);
            } else {
                assertTrue(screen.contains("removed the half-made"), screen);
                assertFalse(hasNote(), "the note of a removed venv must go too");
            }
        }
        assertFalse(Files.exists(sandbox.ledger()), "an interrupted run installed nothing");

        Proc.Result again = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(0, again.exit(), again.describe());
        assertTrue(Files.isExecutable(defaultVenv.resolve("bin/pip")), "the venv has no pip: " + again.describe());
        assertImportsPkgA();
        assertFalse(hasNote());
    }

    /**
     * Ctrl-C while another safepip holds the venv's lock must end the waiting run at once, having made nothing
     * (a blocking file lock does not wake up for a signal: StateLock polls).
     */
    @Test
    void ctrlCWhileWaitingForTheLockEndsTheRunAtOnce() throws Exception {
        Path defaultVenv = sandbox.defaultVenv();
        List<String> argv = List.of("/bin/bash", "-c", "echo \"PID=$$\"; \"$@\"; echo \"EXIT=$?\"", "bash",
                Launcher.script().toString(), "--via=venv", "install", "pkgA");
        long bash = -1;
        // Another safepip, as far as this run can tell: the test holds the venv's own lock.
        try (StateLock held = StateLock.acquire(sandbox.stateDir(), defaultVenv, message -> { })) {
            try (Tmux tmux = Tmux.start("lockwait", argv, sandbox.env(index), work, 200, 60)) {
                try {
                    Matcher pid = Pattern.compile("PID=(\\d+)").matcher(tmux.waitFor("PID=", START));
                    assertTrue(pid.find());
                    bash = Long.parseLong(pid.group(1));
                    tmux.waitFor("waiting for another safepip", START);
                    Thread.sleep(300);
                    tmux.sendKeys("C-c");
                    String screen = tmux.waitFor("EXIT=", Duration.ofSeconds(10));
                    assertEquals(130, exitOf(screen), screen);
                } finally {
                    // Whatever happened, no safepip may outlive the test and make the venv once the lock is free.
                    if (bash > 0) {
                        ProcessHandle.of(bash).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
                    }
                }
            }
        }
        assertFalse(Files.exists(defaultVenv), "an interrupted run must make no venv");
        assertFalse(Files.exists(sandbox.ledger()));
    }

    // ---------------------------------------------------------------------------------------------------------

    private boolean hasNote() throws IOException {
        Path notes = sandbox.stateDir().resolve("creating");
        if (!Files.isDirectory(notes)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(notes)) {
            return entries.findAny().isPresent();
        }
    }

    private void assertImportsPkgA() {
        Proc.Result r = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import pkga; print(pkga.VALUE)"), sandbox.testEnv().map(), work, QUICK);
        assertEquals(0, r.exit(), r.describe());
        assertEquals("pkgA 1.0\n", r.stdout(), r.describe());
    }

    /** No process (a venv or ensurepip child that outlived safepip) still works on the folder. */
    private static void assertNoProcessMentions(Path folder) throws Exception {
        String needle = folder.toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> found = processesMentioning(needle);
        while (!found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = processesMentioning(needle);
        }
        assertEquals(List.of(), found, "processes still at work on " + folder);
    }

    private static List<String> processesMentioning(String needle) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                        continue; // a zombie does nothing
                    }
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")),
                            StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmdline.contains(needle)) {
                        found.add(proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        return found;
    }

    /** The process group of a process, from /proc/PID/stat (the field after state and parent). */
    private static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }

    private static int exitOf(String screen) {
        Matcher m = EXIT.matcher(screen);
        assertTrue(m.find(), "no EXIT= line on screen:\n" + screen);
        return Integer.parseInt(m.group(1));
    }
}
