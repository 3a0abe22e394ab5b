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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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
                tool("huge-tool", "1.0", 40_000_000));
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

    /**
     * doctor says which package cache apt-cache reads for safepip: the system's where it keeps one, else safepip's
     * own, made by the first question to apt (the look asks apt), with its size.
     */
    @Test
    void doctorSaysWhichAptCacheSafepipUses() {
        Path own = sandbox.testEnv().xdgCache().resolve("safepip/apt/pkgcache.bin");
        boolean systemKeepsOne = Files.exists(Path.of("/var/cache/apt/pkgcache.bin"));
        Proc.Result before = Launcher.run(sandbox.env(index), cwd, "doctor");
        assertEquals(0, before.exit(), before.describe());
        assertTrue(before.stdout().contains(systemKeepsOne ? "apt cache:     the system's, /var/cache/apt/pkgcache.bin"
                : "apt cache:     none yet: the system keeps none, so safepip's first question to apt makes one in "
                + own), before.describe());
        plan("numpy");
        Proc.Result after = Launcher.run(sandbox.env(index), cwd, "doctor");
        assertEquals(!systemKeepsOne, Files.isRegularFile(own), after.describe());
        assertTrue(after.stdout().contains(systemKeepsOne ? "apt cache:     the system's"
                : "apt cache:     " + own + " ("), after.describe());
        assertTrue(systemKeepsOne || after.stdout().contains(" MB: the system keeps none; rebuilt when stale, and "
                + "may be deleted at any time)"), after.describe());
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

    /**
     * --plan's one rule: 0 when it could show the way; 69 when the way a run with the same options would take
     * cannot work here; pip's own exit code when pip's look finds no such project or version (before any plan).
     */
    @Test
    void planExitsZeroOr69ForTheRouteOrPipsOwnCode() {
        Proc.Result all = Launcher.run(sandbox.env(index), cwd, "--plan", "install", "numpy");
        assertEquals(0, all.exit(), all.describe());
        Proc.Result yes = Launcher.run(sandbox.env(index), cwd, "--plan", "--yes", "install", "black");
        assertEquals(0, yes.exit(), yes.describe());
        Proc.Result cannot = Launcher.run(sandbox.env(index), cwd, "--plan", "--via=pipx", "install", "jupyter");
        assertEquals(69, cannot.exit(), cannot.describe());
        for (String via : List.of("--via=ask", "--via=pipx")) {
            Proc.Result missing = Launcher.run(sandbox.env(index), cwd, "--plan", via, "install", "no-such-project");
            assertEquals(1, missing.exit(), missing.describe());
            assertTrue(missing.stderr().contains("pip finds no no-such-project"), missing.describe());
        }
    }

    @Test
    void aBigWheelIsNotDownloadedToBeLookedAt() {
        long before = index.bytesSent();
        Proc.Result plan = plan("huge-tool");
        long sent = index.bytesSent() - before;
        assertTrue(plan.stderr().contains("huge-tool is an application"), plan.describe());
        assertTrue(sent < 1_000_000, "the look fetched " + sent + " bytes of a 40 MB wheel");
    }

    /** A private index: the wheel's parts are read with the credentials pip uses, from the URL or from ~/.netrc. */
    @Test
    void aPrivateIndexIsReadWithTheCredentialsPipUses() throws IOException {
        try (LocalIndex locked = Sandbox.serve(tmp.resolve("private"),
                tool("inhouse-tool", "2.0", 5_000_000))) {
            locked.rateLimit(20_000_000).metadata(true).credentials("alice", "s3cret");
            String withCredentials = locked.url().replace("http://", "http://alice:s3cret@");
            Map<String, String> inUrl = sandbox.env();
            inUrl.put("PIP_INDEX_URL", withCredentials);
            Path home = Path.of(sandbox.env().get("HOME"));
            Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password s3cret\n");
            Files.setPosixFilePermissions(home.resolve(".netrc"), PosixFilePermissions.fromString("rw-------"));
            for (Map<String, String> env : List.of(inUrl, sandbox.env(locked))) {
                long before = locked.bytesSent();
                Proc.Result plan = Launcher.run(env, cwd, "--plan", "install", "inhouse-tool");
                long sent = locked.bytesSent() - before;
                assertEquals(0, plan.exit(), plan.describe());
                assertTrue(plan.stderr().contains("inhouse-tool is an application"), plan.describe());
                assertFalse(plan.stderr().contains("downloads it whole"), plan.describe());
                assertTrue(sent < 1_000_000, "the look fetched " + sent + " bytes of a 5 MB wheel");
                assertFalse(plan.stderr().contains("s3cret"), plan.describe());
            }
        }
    }

    /** A server that sends whole files for Range requests: the last resort, said first, with pip's own download. */
    @Test
    void aServerWithoutRangesGetsTheWheelDownloadedWholeAndSaysSo() throws IOException {
        try (LocalIndex whole = Sandbox.serve(tmp.resolve("whole"),
                tool("whole-tool", "1.0", 2_000_000))) {
            whole.metadata(true).ranges(false);
            Proc.Result plan = Launcher.run(sandbox.env(whole), cwd, "--plan", "install", "whole-tool");
            assertEquals(0, plan.exit(), plan.describe());
            assertTrue(plan.stderr().contains("safepip: cannot read only a part of whole-tool's wheel (the server "
                    + "does not serve parts of files (HTTP 200)); pip downloads it whole"), plan.describe());
            assertTrue(plan.stderr().contains("whole-tool is an application"), plan.describe());
            assertTrue(whole.bytesSent() >= 2_000_000, "sent " + whole.bytesSent());
            // stdout is the plan reader's pipe: the look's download ("Saved …/safepip-look…") never reaches it.
            assertEquals("", plan.stdout(), plan.describe());
        }
    }

    /**
     * `safepip --plan install x | …` and `safepip --yes install x > log`: what the look runs (a whole download
     * included) writes nothing on stdout; only the install's own pip does.
     */
    @Test
    void theLooksPipOutputNeverReachesStdout() throws IOException {
        try (LocalIndex whole = Sandbox.serve(tmp.resolve("whole"),
                tool("whole-lib", "1.0", 1_000_000).classifier("Topic :: Software Development :: Libraries"))) {
            whole.metadata(true).ranges(false);
            for (List<String> args : List.of(List.of("--plan", "install", "whole-lib"),
                    List.of("--yes", "install", "whole-lib"), List.of("--yes", "--via=venv", "install", "whole-lib"))) {
                Proc.Result run = Launcher.run(sandbox.env(whole), cwd, args.toArray(String[]::new));
                assertEquals(0, run.exit(), run.describe());
                assertFalse(run.stdout().contains("Saved"), run.describe());
                assertFalse(run.stdout().contains("safepip-look"), run.describe());
                if (args.get(0).equals("--plan")) {
                    assertEquals("", run.stdout(), run.describe());
                }
            }
        }
    }

    /**
     * The name is right, but no file of it fits this Python: pip says "from versions: none" as for a missing
     * project. safepip names what the index has and why it does not fit, and never says "check the name".
     */
    @Test
    void aProjectWithNoFileForThisPythonIsNotCalledMissing() throws IOException {
        Path wheels = tmp.resolve("other-pythons");
        Path built = WheelBuilder.of("old-tool", "1.0").module("old_tool", "x = 1\n").build(wheels);
        Files.move(built, wheels.resolve("old_tool-1.0-py2-none-any.whl"));
        built = WheelBuilder.of("old-tool", "2.0").module("old_tool", "x = 1\n").build(wheels);
        Files.move(built, wheels.resolve("old_tool-2.0-cp27-cp27mu-manylinux1_x86_64.whl"));
        try (LocalIndex others = Sandbox.serve(wheels)) {
            others.metadata(true);
            Proc.Result run = Launcher.run(sandbox.env(others), cwd, "--yes", "install", "old-tool");
            assertEquals(1, run.exit(), run.describe());
            assertTrue(run.stderr().contains("safepip: pip finds old-tool on your index, but no file of it fits this "
                    + "Python or platform; the index has 1.0 (only for py2-none-any), 2.0 (only for "
                    + "cp27-cp27mu-manylinux1_x86_64); nothing was installed"), run.describe());
            assertFalse(run.stderr().contains("check the name"), run.describe());
            assertFalse(run.stderr().contains("pip finds no"), run.describe());
            assertFalse(Files.exists(sandbox.defaultVenv()), run.describe());
            // A name the index truly lacks is still "not there", with pip's exit code.
            Proc.Result missing = Launcher.run(sandbox.env(others), cwd, "--plan", "install", "no-tool");
            assertEquals(1, missing.exit(), missing.describe());
            assertTrue(missing.stderr().contains("pip finds no no-tool on your index"), missing.describe());
            assertTrue(missing.stderr().contains("check the name"), missing.describe());
        }
    }

    /** A directory larger than the first request (thousands of files, as in a big library): one more part. */
    @Test
    void aWheelWithAVastDirectoryIsStillReadInParts() throws IOException {
        WheelBuilder vast = WheelBuilder.of("vast-lib", "3.1").consoleScript("vast-helper", "vast_lib.cli:main");
        for (int i = 0; i < 4000; i++) {
            vast.file("vast_lib/sub_package_number_" + (i / 100) + "/module_with_a_long_name_" + i + ".py", "x = 1\n");
        }
        try (LocalIndex big = Sandbox.serve(tmp.resolve("vast"), vast)) {
            big.rateLimit(20_000_000).metadata(true);
            Proc.Result plan = Launcher.run(sandbox.env(big), cwd, "--plan", "install", "vast-lib");
            assertEquals(0, plan.exit(), plan.describe());
            assertTrue(plan.stderr().contains("vast-lib is a library that also ships commands (vast-helper)"),
                    plan.describe());
            assertFalse(plan.stderr().contains("downloads it whole"), plan.describe());
            long wheel = Files.size(Files.list(tmp.resolve("vast")).filter(f -> f.toString().endsWith(".whl"))
                    .findFirst().orElseThrow());
            assertTrue(big.bytesSent() < wheel, "sent " + big.bytesSent() + " of a " + wheel + "-byte wheel");

            // The report comes as one line of plain JSON: pip's own print goes through rich's pretty-printer, 7 s
            // for a wheel of 30,000 files.
            Path script = Launcher.root().resolve("src/main/resources/dev/safepip/plan/look.py");
            Proc.Result look = Proc.run(List.of(managed.python().toString(), "-c",
                    Files.readString(script), "install", "--dry-run", "--report", "-", "--no-deps",
                    "--ignore-installed", "--quiet", "--only-binary=:all:", "vast-lib"), sandbox.env(big), cwd,
                    Duration.ofSeconds(120));
            assertEquals(0, look.exit(), look.describe());
            assertEquals(1, look.stdout().lines().count(), look.stdout().substring(0, 200));
            // The directory comes as it is in the wheel (base64), for safepip to list: Python's zipfile takes a third
            // of a second for 14,000 members.
            String report = look.stdout();
            int at = report.indexOf("\"directory\": \"");
            assertTrue(at >= 0, look.describe());
            int from = at + "\"directory\": \"".length();
            String directory = new String(java.util.Base64.getDecoder().decode(
                    report.substring(from, report.indexOf('"', from))), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(directory.contains("module_with_a_long_name_3999.py"), look.describe());
        }
    }

    /**
     * Without PEP 658 files, pip's resolution and the look both need the wheel's directory: it is fetched once, in
     * three requests (the last 128 KB, the rest of a directory larger than that, the dist-info members), with no
     * HEAD; pip's lazy_wheel asked HEAD, read the directory itself, and the look read it all again.
     */
    @Test
    void aVastDirectoryIsFetchedOnceWithoutMetadataFiles() throws IOException {
        WheelBuilder vast = WheelBuilder.of("vast-tool", "2.0").consoleScript("vast-tool", "vast_tool.cli:main")
                .classifier("Environment :: Console");
        for (int i = 0; i < 4000; i++) {
            vast.file("vast_tool/sub_package_number_" + (i / 100) + "/module_with_a_long_name_" + i + ".py", "x\n");
        }
        try (LocalIndex plain = Sandbox.serve(tmp.resolve("vast-plain"), vast)) {
            plain.rateLimit(20_000_000).metadata(false);
            Proc.Result plan = Launcher.run(sandbox.env(plain), cwd, "--plan", "install", "vast-tool");
            assertEquals(0, plan.exit(), plan.describe());
            assertTrue(plan.stderr().contains("vast-tool is an application (vast-tool)"), plan.describe());
            List<String> wheel = new java.util.ArrayList<>();
            for (String request : plain.requests()) {
                if (request.startsWith("/files/") && request.endsWith(".whl")) {
                    wheel.add(request);
                }
            }
            assertEquals(3, wheel.size(), "requests for the wheel: " + plain.requests());
            long size = Files.size(tmp.resolve("vast-plain").resolve(vast.fileName()));
            assertTrue(plain.bytesSent() < 600_000, "sent " + plain.bytesSent() + " of a " + size + "-byte wheel");
        }
    }

    /**
     * Under sudo (root, SUDO_USER set, the user's PIP_* dropped as sudo drops them): a look that cannot reach the
     * user's index says so and recommends nothing on its account, never pipx; with the index kept
     * (sudo --preserve-env=PIP_INDEX_URL) the look decides as usual. Root only: CI's root phase runs it.
     */
    @Test
    void underSudoAFailedLookRecommendsNothingOnItsAccount() {
        Assumptions.assumeTrue(FaultIT.isRoot(), () -> FaultIT.skip("sudo's case needs root; CI runs it as root"));
        Map<String, String> dropped = sandbox.env();
        dropped.remove("PIP_INDEX_URL");
        dropped.put("SUDO_USER", "alice");
        // What pip would reach without the user's settings: nothing here answers on this port.
        dropped.put("PIP_CONFIG_FILE", "/dev/null");
        Proc.Result blind = Launcher.run(dropped, cwd, "--plan", "install", "--index-url",
                "http://127.0.0.1:9/simple/", "black");
        assertTrue(blind.stderr().contains("safepip: cannot tell what black is (pip could not look it up"),
                blind.describe());
        assertTrue(blind.stderr().contains("under sudo pip does not see your PIP_* settings"), blind.describe());
        // apt may still be the plan (Debian's black, version checked); pipx never is, on a look that failed.
        assertFalse(blind.stderr().contains("safepip plan: with pipx"), blind.describe());

        Map<String, String> kept = sandbox.env(index);
        kept.put("SUDO_USER", "alice");
        Proc.Result seeing = Launcher.run(kept, cwd, "--plan", "install", "black");
        assertEquals(0, seeing.exit(), seeing.describe());
        assertTrue(seeing.stderr().contains("black is an application (black)"), seeing.describe());
    }

    /** An index without PEP 658 metadata files: pip reads the metadata by range requests too (fast-deps). */
    @Test
    void withoutMetadataFilesTheLookStillFetchesOnlyParts() throws IOException {
        try (LocalIndex plain = Sandbox.serve(tmp.resolve("plain"),
                tool("plain-tool", "1.0", 20_000_000))) {
            plain.rateLimit(20_000_000).metadata(false);
            Proc.Result plan = Launcher.run(sandbox.env(plain), cwd, "--plan", "install", "plain-tool");
            assertEquals(0, plan.exit(), plan.describe());
            assertTrue(plan.stderr().contains("plain-tool is an application"), plan.describe());
            assertTrue(plain.bytesSent() < 1_000_000, "the look fetched " + plain.bytesSent()
                    + " bytes of a 20 MB wheel");
        }
    }

    /** An application as many ship: a module, a command named after it, the console classifier, and a payload. */
    private static WheelBuilder tool(String project, String version, int payloadBytes) {
        String module = project.replace('-', '_');
        return WheelBuilder.of(project, version).module(module, "def main(): pass\n")
                .consoleScript(project, module + ":main").classifier("Environment :: Console")
                .payload(module + "/data.bin", payloadBytes);
    }
}
