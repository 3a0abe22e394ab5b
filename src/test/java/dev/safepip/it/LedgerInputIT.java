package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ledger is given and read from, end to end: requirement files in the forms pip accepts are recorded
 * package by package, and a ledger that cannot be read is said so with the reason.
 */
class LedgerInputIT {
    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"), WheelBuilder.of("pkgB", "1.0"),
                WheelBuilder.of("pkgC", "1.0"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp, managed);
    }

    /** A BOM, a nested `-rother.txt`, a latin-1 file with its coding line: pip installs them all, the ledger names them. */
    @Test
    void requirementFilesInPipsFormsAreRecordedSoWhereAndUninstallFindThem() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("project"));
        ByteArrayOutputStream reqs = new ByteArrayOutputStream();
        reqs.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        reqs.write("pkgA\n-rother.txt\n-r sub/latin.txt\n".getBytes(StandardCharsets.UTF_8));
        Files.write(cwd.resolve("reqs.txt"), reqs.toByteArray());
        Files.writeString(cwd.resolve("other.txt"), "pkgB  # nested with no space after -r\n");
        Files.createDirectories(cwd.resolve("sub"));
        Files.write(cwd.resolve("sub/latin.txt"), "# -*- coding: latin-1 -*-\n# für Jürgen\npkgC\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path venv = tmp.resolve("v");
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "--venv", venv.toString(), "install",
                "-r", "reqs.txt");
        assertEquals(0, install.exit(), install.describe());

        String ledger = Files.readString(sandbox.ledger());
        assertTrue(ledger.contains("\"packages\":[\"pkga\",\"pkgb\",\"pkgc\"]"), ledger);
        Proc.Result where = Launcher.run(sandbox.env(index), cwd, "where", "pkgA", "pkgB", "pkgC");
        assertEquals(0, where.exit(), where.describe());
        assertEquals(3, where.stdout().lines().filter(l -> l.contains(venv.toString()) && l.endsWith("present"))
                .count(), where.describe());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), cwd, "uninstall", "-y", "pkgC");
        assertEquals(0, uninstall.exit(), uninstall.describe());
        Proc.Result gone = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import pkgc"),
                sandbox.testEnv().map(), cwd, Duration.ofSeconds(30));
        assertEquals(1, gone.exit(), "pkgc was uninstalled: " + gone.describe());
    }

    /** A folder, a FIFO or a device where the ledger should be: one line that says which, never a hang. */
    @Test
    void whereSaysWhatTheLedgerIsWhenItIsNoFile() throws Exception {
        Files.createDirectories(sandbox.stateDir());
        Path ledger = sandbox.ledger();
        Files.createDirectories(ledger);
        assertWhereSays("it is a folder");
        Files.delete(ledger);
        assertEquals(0, new ProcessBuilder("mkfifo", ledger.toString()).start().waitFor(), "mkfifo");
        assertWhereSays("it is a FIFO");
        Files.delete(ledger);
        Files.createSymbolicLink(ledger, Path.of("/dev/zero"));
        assertWhereSays("it is a character device (a link to /dev/zero)");
    }

    /** A ledger another sudo run left root's, unreadable: the reason, who owns it, how to give it back. */
    @Test
    void whereSaysWhyAnUnreadableLedgerCannotBeRead() throws Exception {
        Assumptions.assumeFalse(FaultIT.isRoot(), () -> FaultIT.skip("root reads any file; this needs a normal user"));
        Files.createDirectories(sandbox.stateDir());
        Path ledger = sandbox.ledger();
        Files.writeString(ledger, "");
        Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("-w-------"));
        try {
            Proc.Result where = assertWhereSays("permission denied (owned by ");
            assertTrue(where.stderr().contains("chown"), where.describe());
        } finally {
            Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private Proc.Result assertWhereSays(String reason) {
        Path cwd = tmp;
        Proc.Result where = Launcher.run(sandbox.env(), cwd, "where");
        assertEquals(69, where.exit(), where.describe());
        assertTrue(where.stderr().contains("cannot read the ledger " + sandbox.ledger() + ": " + reason),
                where.describe());
        assertEquals(1, where.stderr().strip().lines().count(), where.describe());
        assertFalse(where.stderr().contains("Exception"), where.describe());
        return where;
    }
}
