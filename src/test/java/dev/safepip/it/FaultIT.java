package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safepip under faults, with the real JVM, the real venv module and real signals: a crash at the wrong moment, a
 * JVM killed alone, SIGTERM, a full disk, a folder it may not write, a .venv that is a symlink. Nothing the user
 * made is ever deleted, nothing is left half-made, and every failure is one line with a documented exit code.
 */
class FaultIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path project;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"), WheelBuilder.of("pkgB", "2.0"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n", StandardCharsets.UTF_8);
    }

    // ---- item 2: a working venv made after a crash is never deleted --------------------------------------------

    @Test
    void aVenvTheUserMadeAfterACrashIsUsedNotDeleted() throws Exception {
        Path venv = project.resolve(".venv");
        crashWhileCreating(venv, "--via=venv", "install", "pkgA");
        assertTrue(Files.isDirectory(venv), "the crash left the half-made .venv");

        // The user cleans up and makes a good venv of their own there, installs into it and keeps a file in it.
        deleteTree(venv);
        run(List.of(sandbox.managed().python().toString(), "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin/pip").toString(), "install", "--index-url", index.url(), "pkgA"));
        Path keep = Files.writeString(venv.resolve("keep.txt"), "mine\n", StandardCharsets.UTF_8);

        Proc.Result again = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgB");
        assertEquals(0, again.exit(), again.describe());
        assertFalse(again.stderr().contains("half-made"), again.describe());
        assertTrue(Files.exists(keep), "the user's file was deleted: " + again.describe());
        assertImports(venv, "pkga", "pkgA 1.0");
        assertImports(venv, "pkgb", "pkgB 2.0");
        assertNoNote();
    }

    @Test
    void aHalfMadeVenvTheUserPutFilesInIsKeptWithTheReasonAnd69() throws Exception {
        Path venv = project.resolve(".venv");
        crashWhileCreating(venv, "--via=venv", "install", "pkgA");
        Path keep = Files.writeString(venv.resolve("keep.txt"), "mine\n", StandardCharsets.UTF_8);

        Proc.Result again = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(69, again.exit(), again.describe());
        assertTrue(again.stderr().contains("keep.txt") && again.stderr().contains("keeps it"), again.describe());
        assertOneLine(again);
        assertTrue(Files.exists(keep) && Files.isRegularFile(venv.resolve("pyvenv.cfg")), "it must be kept whole");
    }

    // ---- item 3: the JVM killed alone; its child goes on ------------------------------------------------------

    /**
     * The JVM killed alone, as the OOM killer would, while `python -m venv` runs: the next run must wait for that
     * orphan before it judges the venv. The orphan is held stopped (SIGSTOP) until the next run says it waits, so
     * that the test proves the wait on a loaded machine too, where an orphan left running may finish first.
     */
    @Test
    void theNextRunWaitsForTheChildOfAJvmKilledAlone() throws Exception {
        for (int round = 1; round <= 2; round++) {
            Path venv = tmp.resolve("venv-" + round);
            Background first = Background.start(sandbox.env(index), project, tmp.resolve("first-" + round),
                    "--venv=" + venv, "--via=venv", "install", "pkgA");
            List<ProcessHandle> children;
            try {
                first.awaitOrFail(() -> Files.isRegularFile(venv.resolve("pyvenv.cfg")), "a half-made venv");
                assertTrue(first.command().contains("java"), "the launcher should exec the JVM: " + first.command());
                children = first.process.descendants().toList();
                assertFalse(children.isEmpty(), "python -m venv should be running under the JVM");
                signal("STOP", children);
                Proc.run(List.of("/bin/kill", "-s", "KILL", Long.toString(first.process.pid())),
                        sandbox.testEnv().map(), project, QUICK);
                assertTrue(first.process.waitFor(10, TimeUnit.SECONDS), "the JVM survived SIGKILL");
            } finally {
                first.process.destroyForcibly();
            }
            assertTrue(children.stream().anyMatch(ProcessHandle::isAlive), "round " + round + ": no orphan");

            Background next = Background.start(sandbox.env(index), project, tmp.resolve("next-" + round),
                    "--venv=" + venv, "--via=venv", "install", "pkgA");
            try {
                next.awaitOrFail(() -> next.stderr().contains("did not see finish"),
                        "round " + round + ": the next run waiting for the orphan");
                signal("CONT", children);
                assertTrue(next.process.waitFor(2, TimeUnit.MINUTES), "round " + round + ": " + next.stderr());
                assertEquals(0, next.process.exitValue(), "round " + round + ":\n" + next.stderr());
            } finally {
                signal("CONT", children);
                next.process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
            assertTrue(Files.isRegularFile(venv.resolve("pyvenv.cfg")), "round " + round + ": no pyvenv.cfg");
            assertTrue(Files.isExecutable(venv.resolve("bin/pip")), "round " + round + ": no pip");
            assertFalse(Files.exists(venv.resolve(".safepip-creating")), "the token must go with the note");
            assertImports(venv, "pkga", "pkgA 1.0");
        }
        assertNoNote();
    }

    private void signal(String name, List<ProcessHandle> processes) {
        Background.signal(name, processes, sandbox.testEnv().map(), project);
    }

    // ---- item 7: SIGTERM, full disk, a folder safepip may not write ------------------------------------------

    @Test
    void sigtermToTheGroupWhileCreatingCleansUpAndExits143() throws Exception {
        Path venv = project.resolve(".venv");
        Background run = Background.start(sandbox.env(index), project, tmp.resolve("term"), "--via=venv", "install",
                "pkgA");
        try {
            run.awaitOrFail(() -> Files.isRegularFile(venv.resolve("pyvenv.cfg")), "a half-made venv");
            Proc.run(List.of("/bin/kill", "-s", "TERM", "--", "-" + run.process.pid()), sandbox.testEnv().map(),
                    project, QUICK);
            assertTrue(run.process.waitFor(30, TimeUnit.SECONDS), "safepip did not end after SIGTERM");
        } finally {
            run.process.destroyForcibly();
        }
        String err = run.stderr();
        assertEquals(143, run.process.exitValue(), err);
        assertFalse(err.contains("could not create"), err);
        assertFalse(Files.exists(venv), "the half-made venv must be removed:\n" + err);
        assertNoNote();
        assertFalse(Files.exists(sandbox.ledger()));
    }

    @Test
    void aFullDiskIsNamedAsSuch() throws Exception {
        Assumptions.assumeTrue(isRoot(), () -> skip("mounting a small tmpfs needs root; this test runs in CI as root"));
        Path small = Files.createDirectories(tmp.resolve("small"));
        Proc.Result mount = Proc.run(List.of("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", small.toString()),
                sandbox.testEnv().map(), tmp, QUICK);
        Assumptions.assumeTrue(mount.exit() == 0, () -> skip("mount -t tmpfs failed here: " + mount.stderr().strip()));
        try {
            Path venv = small.resolve("venv");
            Proc.Result r = Launcher.run(sandbox.env(index), project, "--venv=" + venv, "--via=venv", "install",
                    "pkgA");
            assertEquals(69, r.exit(), r.describe());
            assertTrue(r.stderr().contains("disk is full"), r.describe());
            assertFalse(r.stderr().contains("python3-venv") || r.stderr().contains("ensurepip"), r.describe());
            assertOneLine(r);
            assertFalse(Files.exists(venv), "what safepip made on the full disk must be removed");
        } finally {
            Proc.run(List.of("umount", "-l", small.toString()), sandbox.testEnv().map(), tmp, QUICK);
        }
    }

    @Test
    void aFolderSafepipMayNotWriteIsSaidInWords() throws Exception {
        Assumptions.assumeFalse(isRoot(), () -> skip("root may write anywhere; this test needs a normal user"));
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Map<String, String> env = sandbox.env(index);
            env.put("XDG_STATE_HOME", locked.resolve("state").toString());
            Proc.Result r = Launcher.run(env, project, "--via=venv", "install", "pkgA");
            assertEquals(69, r.exit(), r.describe());
            assertTrue(r.stderr().contains("permission denied") && r.stderr().contains(locked.toString()),
                    r.describe());
            assertOneLine(r);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // ---- item 8: a .venv that is a symlink ------------------------------------------------------------------

    @Test
    void aVenvSymlinkedToAnEmptyFolderIsMadeThroughTheLinkAndTheLinkStays() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("big-disk/venv"));
        Path venv = Files.createSymbolicLink(project.resolve(".venv"), Path.of("../big-disk/venv"));
        Proc.Result r = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(Files.isSymbolicLink(venv), "the user's symlink must stay");
        assertTrue(Files.isRegularFile(target.resolve("pyvenv.cfg")), r.describe());
        assertImports(venv, "pkga", "pkgA 1.0");
    }

    @Test
    void aSymlinkedVenvWhoseCreationIsStoppedKeepsTheLinkAndItsFolder() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("big-disk/venv"));
        Path venv = Files.createSymbolicLink(project.resolve(".venv"), target);
        Background run = Background.start(sandbox.env(index), project, tmp.resolve("link"), "--via=venv", "install",
                "pkgA");
        try {
            run.awaitOrFail(() -> Files.isRegularFile(target.resolve("pyvenv.cfg")), "a half-made venv");
            Proc.run(List.of("/bin/kill", "-s", "TERM", "--", "-" + run.process.pid()), sandbox.testEnv().map(),
                    project, QUICK);
            assertTrue(run.process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            run.process.destroyForcibly();
        }
        assertEquals(143, run.process.exitValue(), run.stderr());
        assertTrue(Files.isSymbolicLink(venv), "the user's symlink was deleted:\n" + run.stderr());
        assertTrue(Files.isDirectory(target), "the folder the user made was deleted");
        try (var left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "what safepip made behind the link must go");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Starts an install in a process group of its own and kills the whole group mid-creation, as a crash would. */
    private void crashWhileCreating(Path venv, String... args) throws Exception {
        Background run = Background.start(sandbox.env(index), project, tmp.resolve("crash"), args);
        try {
            run.awaitOrFail(() -> Files.isRegularFile(venv.resolve("pyvenv.cfg")), "a half-made venv");
            List<ProcessHandle> tree = run.process.descendants().toList();
            Proc.run(List.of("/bin/kill", "-s", "KILL", "--", "-" + run.process.pid()), sandbox.testEnv().map(),
                    project, QUICK);
            tree.forEach(ProcessHandle::destroyForcibly);
            assertTrue(run.process.waitFor(10, TimeUnit.SECONDS), "safepip survived SIGKILL");
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } finally {
            run.process.destroyForcibly();
        }
    }

    /** safepip started in a session of its own (setsid), its output in files. */
    record Background(Process process, Path out, Path err) {
        static Background start(Map<String, String> env, Path cwd, Path prefix, String... args) throws IOException {
            List<String> argv = new ArrayList<>(List.of("/usr/bin/setsid", Launcher.script().toString()));
            argv.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.directory(cwd.toFile());
            Path out = Path.of(prefix + ".out");
            Path err = Path.of(prefix + ".err");
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.redirectOutput(out.toFile());
            builder.redirectError(err.toFile());
            return new Background(builder.start(), out, err);
        }

        void awaitOrFail(BooleanSupplier condition, String what) throws Exception {
            long deadline = System.nanoTime() + START.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("safepip ended (exit " + process.exitValue() + ") before " + what
                            + ":\n" + stderr());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " within " + START + ":\n" + stderr());
                }
                Thread.sleep(10);
            }
        }

        String command() {
            return process.info().command().orElse("");
        }

        /** Sends the signal (STOP, CONT, …) to each process still alive: holding an orphan, then letting it go. */
        static void signal(String name, List<ProcessHandle> processes, Map<String, String> env, Path cwd) {
            for (ProcessHandle process : processes) {
                if (process.isAlive()) {
                    Proc.run(List.of("/bin/kill", "-s", name, Long.toString(process.pid())), env, cwd, QUICK);
                }
            }
        }

        String stderr() {
            try {
                return Files.readString(err);
            } catch (IOException e) {
                return "(no stderr: " + e + ")";
            }
        }
    }

    private void run(List<String> argv) {
        Proc.Result r = Proc.run(argv, sandbox.testEnv().map(), project, START);
        assertEquals(0, r.exit(), r.describe());
    }

    private void assertImports(Path venv, String module, String value) {
        Proc.Result r = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c",
                "import " + module + "; print(" + module + ".VALUE)"), sandbox.testEnv().map(), project, QUICK);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(value + "\n", r.stdout(), r.describe());
    }

    private void assertNoNote() throws IOException {
        Path notes = sandbox.stateDir().resolve("creating");
        if (Files.isDirectory(notes)) {
            try (var entries = Files.list(notes)) {
                assertEquals(List.of(), entries.toList(), "a half-made note was left");
            }
        }
    }

    /** A failure is one line of safepip's (plus what it said before), never a stack trace. */
    static void assertOneLine(Proc.Result r) {
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), r.describe());
        long errors = r.stderr().lines().filter(l -> l.startsWith("safepip: ") && l.contains("; ")).count();
        assertTrue(errors >= 1, "no one-line error with its hint:\n" + r.describe());
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The reason for a skip, printed too: the summary shows skips, the console shows why. */
    static String skip(String reason) {
        System.out.println("FaultIT skipped a test: " + reason);
        return reason;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
