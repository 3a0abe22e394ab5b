package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look before the menu, through the real pip and a local index that serves PEP 658 metadata and byte ranges at
 * 20 MB/s: each real shape gets its kind, the signal that decided it, and the right recommendation; a project the
 * index lacks ends with pip's exit code and no plan; a big wheel is never downloaded to be looked at.
 */
class LookIT {
    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path cwd;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"),
                // ruff: a binary under .data/scripts and a tiny package that finds it; no entry_points.txt.
                WheelBuilder.of("Rough_Lint", "0.16.9").file("rough_lint/__init__.py", "")
                        .payload("Rough_Lint-0.16.9.data/scripts/rough-lint", 300_000)
                        .classifier("Topic :: Software Development :: Libraries :: Python Modules"),
                WheelBuilder.of("paint.pad", "1.0").module("paint_pad", "def main(): pass\n")
                        .guiScript("paint-pad", "paint_pad:main").classifier("Environment :: Console"),
                // numpy: a library with helper commands, which Debian ships as python3-numpy.
                WheelBuilder.of("numpy", "2.4.6").module("numpy", "x = 1\n")
                        .consoleScript("f2py", "numpy.f2py:main").consoleScript("numpy-config", "numpy.cfg:main"),
                // black: an application Debian ships under its own name.
                WheelBuilder.of("black", "26.5.1").module("black", "def patched_main(): pass\n")
                        .consoleScript("black", "black:patched_main")
                        .classifier("Topic :: Software Development :: Libraries :: Python Modules"),
                WheelBuilder.of("jupyter", "1.1.1").metapackage(),
                WheelBuilder.of("huge-tool", "1.0").module("huge_tool", "def main(): pass\n")
                        .consoleScript("huge-tool", "huge_tool:main").classifier("Environment :: Console")
                        .payload("huge_tool/model.bin", 40_000_000));
        index.rateLimit(20_000_000).metadata(true);
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
    }

    private Proc.Result plan(String project) {
        Proc.Result plan = Launcher.run(sandbox.env(index), cwd, "--plan", "install", project);
        assertEquals(0, plan.exit(), plan.describe());
        return plan;
    }

    @Test
    void aProgramUnderDataScriptsGoesToPipx() {
        Proc.Result plan = plan("Rough_Lint");
        assertTrue(plan.stderr().contains("safepip: Rough_Lint is an application (rough-lint): its wheel carries a "
                + "program (Rough_Lint-0.16.9.data/scripts/rough-lint), not a Python library."), plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: with pipx"), plan.describe());
    }

    @Test
    void guiScriptsAreCommands() {
        Proc.Result plan = plan("paint.pad");
        assertTrue(plan.stderr().contains("paint.pad is an application (paint-pad): its command is named after it"),
                plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: with pipx"), plan.describe());
    }

    @Test
    void aLibraryWithHelperCommandsGoesToAVenvAndPipxSaysWhatItWouldGive() {
        Proc.Result plan = plan("numpy");
        assertTrue(plan.stderr().contains("safepip: numpy is a library that also ships commands (f2py, numpy-config): "
                + "Debian packages it as a library, python3-numpy."), plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: into a virtual environment"), plan.describe());
        assertTrue(plan.stderr().contains("only if you just want the commands f2py, numpy-config"), plan.describe());
    }

    @Test
    void anApplicationDebianShipsUnderItsOwnNameGoesToPipx() {
        Proc.Result plan = plan("black");
        assertTrue(plan.stderr().contains("black is an application (black): Debian packages it as an application, "
                + "black."), plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: with pipx"), plan.describe());
    }

    @Test
    void aMetapackageGoesToAVenvAndPipxIsNotPossible() {
        Proc.Result plan = plan("jupyter");
        assertTrue(plan.stderr().contains("jupyter is a library: a metapackage"), plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: into a virtual environment"), plan.describe());
        assertTrue(plan.stderr().contains("with pipx, for command-line applications: not possible here"),
                plan.describe());
    }

    @Test
    void aProjectTheIndexLacksIsOneLineWithPipsExitCode() {
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--yes", "install", "no-such-project");
        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.stderr().contains("safepip: pip finds no no-such-project on your index"), run.describe());
        assertFalse(run.stderr().contains("Ways out"), run.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), run.describe());
        Proc.Result version = Launcher.run(sandbox.env(index), cwd, "--plan", "install", "numpy==9.9");
        assertEquals(1, version.exit(), version.describe());
        assertTrue(version.stderr().contains("pip finds no numpy==9.9"), version.describe());
    }

    @Test
    void aBigWheelIsNotDownloadedToBeLookedAt() {
        long before = index.bytesSent();
        Proc.Result plan = plan("huge-tool");
        long sent = index.bytesSent() - before;
        assertTrue(plan.stderr().contains("huge-tool is an application"), plan.describe());
        assertTrue(sent < 1_000_000, "the look fetched " + sent + " bytes of a 40 MB wheel");
    }
}
