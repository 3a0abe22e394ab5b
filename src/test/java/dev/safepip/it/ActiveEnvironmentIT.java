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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * doctor on an active environment that has no pip of its own (a venv made --without-pip by the test-owned managed
 * Python, a conda-shaped folder), and on a marker that its package lists but that is missing.
 */
class ActiveEnvironmentIT {
    @TempDir
    static Path shared;
    static ManagedPython managed;

    @TempDir
    Path tmp;
    Sandbox sandbox;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp, managed);
    }

    /** The environment as `activate` leaves it: the variable set and its bin folder first on PATH. */
    private Map<String, String> activated(String variable, Path dir) {
        Map<String, String> env = sandbox.env();
        env.put(variable, dir.toString());
        env.put("PATH", dir.resolve("bin") + ":" + env.get("PATH"));
        return env;
    }

    @Test
    void aVenvMadeWithoutPipIsNamedWithItsFix() {
        Path venv = tmp.resolve("project/.venv");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", "--without-pip",
                venv.toString()), sandbox.env(), tmp, Duration.ofSeconds(60));
        assertEquals(0, made.exit(), made.describe());

        Proc.Result doctor = Launcher.run(activated("VIRTUAL_ENV", venv), tmp, "doctor");
        assertEquals(0, doctor.exit(), doctor.describe());
        assertTrue(doctor.stdout().contains("active env:    virtual environment " + venv), doctor.describe());
        assertTrue(doctor.stdout().contains("its pip:       none: it has no pip of its own"), doctor.describe());
        assertTrue(doctor.stdout().contains("the venv " + venv + " has no pip (made with --without-pip"),
                doctor.describe());
        assertTrue(doctor.stdout().contains("python3 -m venv --upgrade-deps " + venv), doctor.describe());
    }

    /** The blocked install says why the active venv's pip did not run, and lands in that venv, not the default. */
    @Test
    void aBlockedInstallInAnActiveVenvWithoutPipLandsInThatVenv() {
        Path venv = tmp.resolve("project/.venv");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", "--without-pip",
                venv.toString()), sandbox.env(), tmp, Duration.ofSeconds(60));
        assertEquals(0, made.exit(), made.describe());
        try (LocalIndex index = Sandbox.serve(tmp.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"))) {
            Map<String, String> env = activated("VIRTUAL_ENV", venv);
            env.put("PIP_INDEX_URL", index.url());
            Proc.Result install = Launcher.run(env, tmp, "--yes", "install", "pkgA");
            assertEquals(0, install.exit(), install.describe());
            assertTrue(install.stderr().contains("is active, but the pip that ran is not its own"),
                    install.describe());
            assertTrue(install.stderr().contains("--upgrade-deps"), install.describe());
            Proc.Result imported = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import pkga"),
                    sandbox.env(), tmp, Duration.ofSeconds(30));
            assertEquals(0, imported.exit(), "not installed into the active venv:\n" + install.describe());
            assertFalse(Files.exists(sandbox.defaultVenv()), "the default venv was used instead");
        }
    }

    /**
     * A conda-shaped environment without pip, active: the blocked install names the cause and lands in it through
     * the system pip's --python. Its Python is a test-owned copy of the system's (unmanaged), as a conda env's own
     * interpreter would be, so what lands there is visible to it and to nothing else.
     */
    @Test
    void aBlockedInstallInAnActiveCondaEnvironmentWithoutPipLandsThere() throws IOException {
        ManagedPython env = ManagedPython.create(tmp.resolve("miniconda/envs/y"));
        env.removeMarker();
        Files.delete(env.pip());
        Files.delete(env.bin().resolve("pip3"));
        Files.createDirectories(env.root().resolve("conda-meta"));
        Files.createSymbolicLink(env.bin().resolve("python"), env.python().getFileName());
        try (LocalIndex index = Sandbox.serve(tmp.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"))) {
            Map<String, String> activated = activated("CONDA_PREFIX", env.root());
            activated.put("PIP_INDEX_URL", index.url());
            Proc.Result install = Launcher.run(activated, tmp, "--yes", "install", "pkgA");
            assertEquals(0, install.exit(), install.describe());
            assertTrue(install.stderr().contains("conda install pip"), install.describe());
            Proc.Result imported = Proc.run(List.of(env.python().toString(), "-c", "import pkga"), sandbox.env(),
                    tmp, Duration.ofSeconds(30));
            assertEquals(0, imported.exit(), "not installed into the conda environment:\n" + install.describe());
            Proc.Result elsewhere = Proc.run(List.of(managed.python().toString(), "-c", "import pkga"),
                    sandbox.env(), tmp, Duration.ofSeconds(30));
            assertEquals(1, elsewhere.exit(), "it went into the managed Python");
            assertFalse(Files.exists(sandbox.defaultVenv()), "the default venv was used instead");
        }
    }

    @Test
    void aCondaEnvironmentWithoutPip() throws IOException {
        Path conda = tmp.resolve("miniconda/envs/x");
        Files.createDirectories(conda.resolve("conda-meta"));
        Files.createDirectories(conda.resolve("bin"));
        Files.createSymbolicLink(conda.resolve("bin/python3"), managed.python());

        Proc.Result doctor = Launcher.run(activated("CONDA_PREFIX", conda), tmp, "doctor");
        assertEquals(0, doctor.exit(), doctor.describe());
        assertTrue(doctor.stdout().contains("active env:    conda environment " + conda), doctor.describe());
        assertTrue(doctor.stdout().contains("has no pip of its own"), doctor.describe());
        assertTrue(doctor.stdout().contains("conda install pip"), doctor.describe());
    }

    @Test
    void theVenvsOwnPipIsSaidToRun() {
        Path venv = tmp.resolve("ok");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", venv.toString()),
                sandbox.env(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        Proc.Result doctor = Launcher.run(activated("VIRTUAL_ENV", venv), tmp, "doctor");
        assertTrue(doctor.stdout().contains("its pip:       " + venv.resolve("bin/pip") + " (the one safepip runs)"),
                doctor.describe());
        assertFalse(doctor.stdout().contains("cause:"), doctor.describe());
    }

    /**
     * A stand-in for Debian's dpkg, because the real marker belongs to the system: this dpkg says that a package
     * ships the managed Python's marker (which the test removed), and `--verify` reports it missing, as the real
     * dpkg does for /usr/lib/python3.11/EXTERNALLY-MANAGED when someone deletes it. Every call is recorded.
     */
    static Path recordingDpkg(Path dir, Path marker, Path log) throws IOException {
        Files.createDirectories(dir);
        Path dpkg = dir.resolve("dpkg");
        Files.writeString(dpkg, "#!/bin/sh\n"
                + "printf '%s\\n' \"$*\" >> '" + log + "'\n"
                + "if [ \"$1\" = -S ] && [ \"$2\" = '" + marker + "' ]; then\n"
                + "  echo 'libpython3-test-stdlib:amd64: " + marker + "'; exit 0\n"
                + "fi\n"
                + "if [ \"$1\" = --verify ] && [ \"$2\" = libpython3-test-stdlib:amd64 ]; then\n"
                + "  echo 'missing     " + marker + "'; exit 1\n"
                + "fi\n"
                + "echo \"dpkg-query: no path found matching pattern $2\" >&2; exit 1\n");
        Files.setPosixFilePermissions(dpkg, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dpkg;
    }

    @Test
    void aMissingMarkerThatItsPackageListsIsReportedWithTheRestoreCommand() throws IOException {
        ManagedPython own = ManagedPython.create(tmp.resolve("own-managed"));
        Path marker = own.stdlib().toRealPath().resolve("EXTERNALLY-MANAGED");
        own.removeMarker();
        Path log = tmp.resolve("dpkg.log");
        Path fakeBin = tmp.resolve("fake-bin");
        recordingDpkg(fakeBin, marker, log);
        Map<String, String> env = sandbox.testEnv().withPathFirst(own.bin());
        env.put("PATH", fakeBin + ":" + env.get("PATH"));

        Proc.Result doctor = Launcher.run(env, tmp, "doctor");
        assertEquals(0, doctor.exit(), doctor.describe());
        assertTrue(doctor.stdout().contains("marker state:  " + marker + " is missing; it belongs to Debian's "
                + "package libpython3-test-stdlib:amd64"), doctor.describe());
        assertTrue(doctor.stdout().contains("sudo apt install --reinstall libpython3-test-stdlib:amd64"),
                doctor.describe());
        assertTrue(Files.readString(log).contains("--verify libpython3-test-stdlib:amd64"), Files.readString(log));
        assertFalse(Files.exists(marker), "safepip never writes the marker");
    }
}
