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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The venv route, end to end: the venv chosen by each rule, the ledger, where, uninstall, and the options. */
class VenvRouteIT {
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
                WheelBuilder.of("pkgC", "1.0"), WheelBuilder.of("pkgD", "1.0"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp, managed);
    }

    @Test
    void aConfiguredVenvThenLedgerWhereAndUninstall() throws IOException {
        Path venv = tmp.resolve("my venv");
        Path cwd = Files.createDirectories(tmp.resolve("plain"));
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "--venv", venv.toString(), "install",
                "pkgA");
        assertEquals(0, install.exit(), install.describe());
        assertImportable(venv, "pkga");
        assertTrue(install.stderr().contains("set by --venv"), install.describe());
        assertTrue(install.stderr().contains("source '" + venv.resolve("bin/activate") + "'"), install.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), "only the configured venv is made");

        List<String> ledger = Files.readAllLines(sandbox.ledger());
        assertEquals(1, ledger.size(), ledger.toString());
        assertTrue(ledger.get(0).contains("\"route\":\"venv\"") && ledger.get(0).contains("\"pkga\"")
                && ledger.get(0).contains("\"exit\":0") && ledger.get(0).contains(venv.toString()), ledger.get(0));

        Proc.Result where = Launcher.run(sandbox.env(index), cwd, "where", "pkgA");
        assertEquals(0, where.exit(), where.describe());
        assertTrue(where.stdout().contains("pkga") && where.stdout().contains(venv.toString())
                && where.stdout().contains("present"), where.describe());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), cwd, "uninstall", "-y", "pkgA");
        assertEquals(0, uninstall.exit(), uninstall.describe());
        Proc.Result gone = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import pkga"),
                sandbox.testEnv().map(), cwd, Duration.ofSeconds(30));
        assertEquals(1, gone.exit(), "pkga was uninstalled: " + gone.describe());
        Proc.Result whereAfter = Launcher.run(sandbox.env(index), cwd, "where", "pkgA");
        assertEquals(1, whereAfter.exit(), whereAfter.describe());
    }

    @Test
    void theNearestDotVenvInAParent() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("work/proj"));
        Path venv = project.resolve(".venv");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        Path cwd = Files.createDirectories(project.resolve("src/deep"));
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgB");
        assertEquals(0, install.exit(), install.describe());
        assertImportable(venv, "pkgb");
        assertTrue(install.stderr().contains("the nearest .venv"), install.describe());
        assertFalse(install.stderr().contains("creating a virtual environment"), "reused: " + install.describe());
    }

    @Test
    void theProjectRootGetsADotVenv() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = 'x'\n");
        Path cwd = Files.createDirectories(project.resolve("src/pkg"));
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgC");
        assertEquals(0, install.exit(), install.describe());
        assertImportable(project.resolve(".venv"), "pkgc");
        assertTrue(install.stderr().contains("pyproject.toml"), install.describe());
    }

    @Test
    void outsideAnyProjectTheUsersDefaultVenv() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("nowhere"));
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgD");
        assertEquals(0, install.exit(), install.describe());
        assertImportable(sandbox.defaultVenv(), "pkgd");
        assertTrue(install.stderr().contains("no project here"), install.describe());
        assertTrue(install.stderr().contains("creating a virtual environment"), install.describe());
    }

    @Test
    void userIsDroppedWithANoticeAndARequirementsFileInstallsEverything() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("reqs"));
        Files.writeString(cwd.resolve("requirements.txt"), "pkgA\npkgB  # the second\n\npkgC>=1.0\n");
        Path venv = tmp.resolve("v");
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "--venv", venv.toString(), "install",
                "--user", "-r", "requirements.txt");
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stderr().contains("--user does not apply inside a virtual environment"),
                install.describe());
        assertImportable(venv, "pkga", "pkgb", "pkgc");
        Proc.Result where = Launcher.run(sandbox.env(index), cwd, "where");
        for (String name : List.of("pkga", "pkgb", "pkgc")) {
            assertTrue(where.stdout().contains(name), where.describe());
        }
    }

    @Test
    void withoutATerminalOrAChoiceItExitsAtOnceListingEveryRoute() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("ci"));
        Proc.Result result = Launcher.run(sandbox.env(index), cwd, "install", "pkgA");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.took().toMillis() < 2000, "took " + result.took().toMillis() + " ms");
        assertTrue(result.stderr().contains("-m venv"), result.describe());
        assertTrue(result.stderr().contains("bin/pip install pkgA"), result.describe());
        assertTrue(result.stderr().contains("--break-system-packages"), result.describe());
        assertTrue(result.stderr().contains("--via=venv"), result.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), "nothing was created");
    }

    @Test
    void yesTakesTheRecommendedRouteWithoutATerminal() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("yes"));
        Map<String, String> env = sandbox.env(index);
        env.put("SAFEPIP_YES", "1");
        Proc.Result result = Launcher.run(env, cwd, "install", "pkgA");
        assertEquals(0, result.exit(), result.describe());
        assertImportable(sandbox.defaultVenv(), "pkga");
        assertTrue(result.stderr().contains("recommended"), result.describe());
    }

    @Test
    void planShowsTheCommandsAndRunsNothing() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("plan"));
        Proc.Result result = Launcher.run(sandbox.env(index), cwd, "--plan", "--via=venv", "install", "pkgA");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.stderr().contains(sandbox.defaultVenv() + "/bin/pip install pkgA"), result.describe());
        assertTrue(result.stderr().contains("Nothing was run"), result.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()));
    }

    @Test
    void aFolderThatIsNotAVenvIsNeverWrittenInto() throws IOException {
        Path notVenv = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(notVenv.resolve("holiday.jpg"), "not a venv");
        Proc.Result result = Launcher.run(sandbox.env(index), tmp, "--via=venv", "--venv", notVenv.toString(),
                "install", "pkgA");
        assertEquals(69, result.exit(), result.describe());
        assertTrue(result.stderr().contains("not a virtual environment"), result.describe());
        try (var entries = Files.list(notVenv)) {
            assertEquals(List.of(notVenv.resolve("holiday.jpg")), entries.toList());
        }
    }

    @Test
    void uninstallingADebianPackageNamesItsAptPackage() throws IOException {
        Proc.Result result = Launcher.run(sandbox.env(index), tmp, "uninstall", "-y", "pip");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("installed by Debian, in its package python3-pip"), result.describe());
        // The ways out name the package dpkg says owns it, once (not Debian's naming rule, not twice).
        assertTrue(result.stderr().contains("apt-get remove -y python3-pip"), result.describe());
        assertEquals(1, result.stderr().split("apt-get remove", -1).length - 1, result.describe());
    }

    private void assertImportable(Path venv, String... modules) {
        Proc.Result result = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c",
                "import " + String.join(", ", modules)), sandbox.testEnv().map(), tmp, Duration.ofSeconds(30));
        assertEquals(0, result.exit(), "import " + List.of(modules) + " from " + venv + ": " + result.describe());
    }
}
