package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.JsonObject;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipx route killed half-way loses nothing: with the real pipx, a real kill -9 (of the whole process group, or
 * of the JVM alone) or SIGTERM while pipx's pip is at work in the application's environment, then the same install
 * again. The index sends files slowly, so pip is still downloading the wheel when the kill comes: pipx has made
 * the environment and not yet written its metadata.
 */
class PipxInterruptIT {
    private static final Duration QUICK = Duration.ofSeconds(30);
    /** Wheel size and index speed: pip needs about 3 s to download it, the window the kills aim at. */
    private static final long PAYLOAD = 3L << 20;
    private static final long BYTES_PER_SECOND = 1L << 20;

    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path cwd;
    Path venv;
    /** The application the test installs or rescues. */
    String app = "plainapp";

    @BeforeAll
    static void setUpShared() {
        Prerequisites.command("pipx", "pipx");
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"),
                WheelBuilder.of("plainapp", "1.0").consoleScript("plainapp", "plainapp:main")
                        .classifier("Environment :: Console")
                        .module("plainapp", "def main():\n    print('plainapp works')\n")
                        .payload("plainapp/blob.bin", PAYLOAD),
                // rescue moves a wheel of the installed files, nothing downloaded: what keeps its pipx busy for
                // the kill is the dependency pip must still fetch for pipx's environment.
                WheelBuilder.of("rescuedapp", "1.0").consoleScript("rescuedapp", "rescuedapp:main")
                        .classifier("Environment :: Console").requires("slowdep")
                        .module("rescuedapp", "def main():\n    print('rescuedapp works')\n"),
                WheelBuilder.of("slowdep", "1.0").module("slowdep", "VALUE = 1\n")
                        .payload("slowdep/blob.bin", PAYLOAD)).rateLimit(BYTES_PER_SECOND);
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
        venv = sandbox.testEnv().pipxHome().resolve("venvs/plainapp");
    }

    @Test
    void aKillOfTheWholeGroupMidInstallIsRepairedByTheNextRun() throws Exception {
        FaultIT.Background first = startInstall("first");
        try {
            awaitPipAtWork(first);
            List<ProcessHandle> tree = first.process().descendants().toList();
            Proc.run(List.of("/bin/kill", "-s", "KILL", "--", "-" + first.process().pid()), sandbox.testEnv().map(),
                    cwd, QUICK);
            tree.forEach(ProcessHandle::destroyForcibly);
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "safepip survived SIGKILL");
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } finally {
            first.process().destroyForcibly();
        }
        assertTrue(Files.isDirectory(venv), "test precondition: the kill left pipx's environment");
        assertFalse(Files.exists(venv.resolve("pipx_metadata.json")), "test precondition: pipx had not finished");

        Proc.Result where = Launcher.run(sandbox.env(index), cwd, "where", "plainapp");
        assertFalse(where.stdout().contains("present"), "a killed install is not present: " + where.describe());

        Proc.Result again = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "plainapp");
        assertEquals(0, again.exit(), again.describe());
        assertTrue(again.stderr().contains("half-made"), "the repair is said: " + again.describe());
        assertWorks();
        assertLedgerEndsInOneSuccess();
        Proc.Result after = Launcher.run(sandbox.env(index), cwd, "where", "plainapp");
        assertEquals(0, after.exit(), after.describe());
        assertTrue(after.stdout().contains("present"), after.describe());
    }

    @Test
    void sigtermToTheJvmAloneExits143AndTheNextRunWaitsForTheOrphanedPip() throws Exception {
        FaultIT.Background first = startInstall("first");
        List<ProcessHandle> tree;
        try {
            awaitPipAtWork(first);
            tree = first.process().descendants().toList();
            assertTrue(first.command().contains("java"), "the launcher should exec the JVM: " + first.command());
            Proc.run(List.of("/bin/kill", "-s", "TERM", Long.toString(first.process().pid())),
                    sandbox.testEnv().map(), cwd, QUICK);
            assertTrue(first.process().waitFor(30, TimeUnit.SECONDS), "safepip did not end after SIGTERM");
            assertEquals(143, first.process().exitValue(), first.stderr());
        } finally {
            first.process().destroyForcibly();
        }
        // The orphan held stopped until the next run says it waits: on a loaded machine a pip left running may
        // finish before the next JVM has started, and the wait would go unproven.
        signal("STOP", tree);
        boolean orphan = anyAlive(tree);
        assertTrue(orphan, "test precondition: pipx's pip outlived pipx (it gets no SIGTERM)");
        FaultIT.Background next = startInstall("next");
        try {
            next.awaitOrFail(() -> next.stderr().contains("did not see finish"),
                    "the next run waiting for the orphaned pip");
            signal("CONT", tree);
            assertTrue(next.process().waitFor(3, TimeUnit.MINUTES), "the next run did not end: " + next.stderr());
            assertEquals(0, next.process().exitValue(), next.stderr());
        } finally {
            signal("CONT", tree);
            next.process().destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        assertWorks();
        assertLedgerEndsInOneSuccess();
    }

    @Test
    void aKillOfTheJvmAloneMakesTheNextRunWaitForPipx() throws Exception {
        FaultIT.Background first = startInstall("first");
        List<ProcessHandle> tree;
        try {
            awaitPipAtWork(first);
            tree = first.process().descendants().toList();
            assertTrue(first.command().contains("java"), "the launcher should exec the JVM: " + first.command());
            // The JVM alone, as the OOM killer would: pipx and its pip go on.
            Proc.run(List.of("/bin/kill", "-s", "KILL", Long.toString(first.process().pid())),
                    sandbox.testEnv().map(), cwd, QUICK);
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "the JVM survived SIGKILL");
        } finally {
            first.process().destroyForcibly();
        }
        boolean orphan = anyAlive(tree);
        Proc.Result next = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "plainapp");
        tree.forEach(ProcessHandle::destroyForcibly);
        assertEquals(0, next.exit(), next.describe());
        assertTrue(orphan, "test precondition: pipx outlived the JVM");
        assertTrue(next.stderr().contains("did not see finish"), "the next run must wait for pipx: "
                + next.describe());
        assertWorks();
        assertLedgerEndsInOneSuccess();
    }

    @Test
    void fourParallelInstallsOfOneApplicationAllSucceed() throws Exception {
        List<FaultIT.Background> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                runs.add(startInstall("run-" + i));
            }
            for (FaultIT.Background run : runs) {
                assertTrue(run.process().waitFor(5, TimeUnit.MINUTES), "a run did not end: " + run.stderr());
            }
            for (FaultIT.Background run : runs) {
                assertEquals(0, run.process().exitValue(), run.stderr());
            }
        } finally {
            runs.forEach(run -> run.process().destroyForcibly());
        }
        assertWorks();
        List<JsonObject> records = recordsOfApp();
        assertEquals(4, records.size(), records.toString());
        for (JsonObject record : records) {
            assertEquals(0, record.getInt("exit", -1), records.toString());
        }
    }

    @Test
    void aRescueKilledMidPipxIsRedoneByTheNextRescue() throws Exception {
        // A Python of its own: the test puts a stray into it.
        sandbox = Sandbox.in(tmp.resolve("own"));
        app = "rescuedapp";
        venv = sandbox.testEnv().pipxHome().resolve("venvs/" + app);
        Proc.Result stray = Proc.run(List.of(sandbox.managed().python().toString(), "-m", "pip", "install", "--user",
                "--break-system-packages", app + "==1.0"), sandbox.env(index), cwd, Duration.ofSeconds(120));
        assertEquals(0, stray.exit(), stray.describe());
        FaultIT.Background first = FaultIT.Background.start(sandbox.env(index), cwd, tmp.resolve("rescue"),
                "rescue", "--yes", app);
        try {
            awaitPipAtWork(first);
            List<ProcessHandle> tree = first.process().descendants().toList();
            Proc.run(List.of("/bin/kill", "-s", "KILL", "--", "-" + first.process().pid()), sandbox.testEnv().map(),
                    cwd, QUICK);
            tree.forEach(ProcessHandle::destroyForcibly);
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "safepip survived SIGKILL");
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } finally {
            first.process().destroyForcibly();
        }

        Proc.Result again = Launcher.run(sandbox.env(index), cwd, "rescue", "--yes", app);
        assertEquals(0, again.exit(), again.describe());
        assertTrue(again.stderr().contains("half-made"), again.describe());
        assertTrue(again.stderr().contains("moved with pipx"), again.describe());
        assertWorks();
        assertLedgerEndsInOneSuccess();
    }

    // ---------------------------------------------------------------------------------------------------------

    private FaultIT.Background startInstall(String name) throws IOException {
        return FaultIT.Background.start(sandbox.env(index), cwd, tmp.resolve(name), "--via=pipx", "install",
                "plainapp");
    }

    /**
     * pipx has made the environment (its link to the shared libraries is written just before pip starts) and pip
     * is starting or downloading: a moment after, well inside the download's seconds.
     */
    private void awaitPipAtWork(FaultIT.Background run) throws Exception {
        run.awaitOrFail(this::sharedLinkWritten, "pipx's environment of " + app);
        Thread.sleep(700);
        assertTrue(run.process().isAlive(), "safepip ended before the kill: " + run.stderr());
        assertFalse(Files.exists(venv.resolve("pipx_metadata.json")), "test precondition: pipx had not finished");
    }

    private void signal(String name, List<ProcessHandle> processes) {
        FaultIT.Background.signal(name, processes, sandbox.testEnv().map(), cwd);
    }

    private boolean sharedLinkWritten() {
        Path lib = venv.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python*")) {
            for (Path python : pythons) {
                if (Files.exists(python.resolve("site-packages/pipx_shared.pth"))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean anyAlive(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                return true;
            }
        }
        return false;
    }

    /** The application runs from pipx's command folder, and pipx's own record of it is whole. */
    private void assertWorks() {
        Path command = sandbox.testEnv().pipxBin().resolve(app);
        Proc.Result ran = Proc.run(List.of(command.toString()), sandbox.testEnv().map(), cwd, QUICK);
        assertEquals(app + " works\n", ran.stdout(), ran.describe());
        assertTrue(Files.isRegularFile(venv.resolve("pipx_metadata.json")), "pipx's metadata is missing");
        Proc.Result list = Proc.run(List.of("pipx", "list", "--short"), sandbox.testEnv().map(), cwd, QUICK);
        assertTrue(list.stdout().contains(app + " 1.0"), list.describe());
    }

    /** The ledger's last record of the application is a success, and no earlier one claims success. */
    private void assertLedgerEndsInOneSuccess() throws IOException {
        List<JsonObject> records = recordsOfApp();
        assertFalse(records.isEmpty(), "no record of the install");
        for (int i = 0; i < records.size(); i++) {
            int exit = records.get(i).getInt("exit", -1);
            if (i == records.size() - 1) {
                assertEquals(0, exit, records.toString());
            } else {
                assertTrue(exit != 0, "an earlier record claims success: " + records);
            }
        }
    }

    private List<JsonObject> recordsOfApp() throws IOException {
        List<JsonObject> found = new ArrayList<>();
        if (!Files.exists(sandbox.ledger())) {
            return found;
        }
        for (JsonObject record : sandbox.ledgerRecords()) {
            if (record.get("packages").toString().contains("\"" + app + "\"")) {
                found.add(record);
            }
        }
        return found;
    }
}
