package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `safepip rescue` on the test-owned managed Python: what its own pip put there with --break-system-packages
 * (system-wide, and into the sandbox's user site with --user) is listed, moved at the same version (an application
 * to pipx, a library to safepip's venv), and put back by --undo. Each test has its own managed Python: rescue
 * changes it.
 */
class RescueIT {
    @TempDir
    static Path shared;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Map<String, String> env;

    @BeforeAll
    static void setUpShared() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pipx")), "pipx is installed (.ci/run installs it)");
        index = Sandbox.serve(shared.resolve("wheels"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"),
                WheelBuilder.of("plain-lib", "1.0").module("plain_lib", "VALUE = 'plain-lib 1.0'\n"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp);
        env = sandbox.env(index);
    }

    private Proc.Result systemPip(String... args) {
        List<String> argv = new ArrayList<>(List.of(sandbox.managed().python().toString(), "-m", "pip"));
        argv.addAll(List.of(args));
        return Proc.run(argv, env, tmp, Duration.ofSeconds(120));
    }

    /** Where the managed Python has a distribution, or null: its own answer. */
    private Path installedAt(String name) throws IOException {
        for (Path site : siteDirs()) {
            if (!Files.isDirectory(site)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(site, name.replace('-', '_') + "-*.dist-info")) {
                for (Path entry : entries) {
                    return entry;
                }
            }
        }
        return null;
    }

    private List<Path> siteDirs() {
        ManagedPython managed = sandbox.managed();
        return List.of(managed.root().resolve("local/lib/python" + managed.version() + "/dist-packages"),
                managed.root().resolve("lib/python" + managed.version() + "/site-packages"),
                managed.root().resolve("lib/python" + managed.version() + "/dist-packages"),
                userSite());
    }

    private Path userSite() {
        return sandbox.testEnv().home().resolve(".local/lib/python" + sandbox.managed().version() + "/site-packages");
    }

    /** The dead ends: a library system-wide with --break-system-packages, an application into the user site. */
    private void breakTheSystem() throws IOException {
        Proc.Result lib = systemPip("install", "--break-system-packages", "plain-lib==1.0");
        assertEquals(0, lib.exit(), lib.describe());
        Proc.Result app = systemPip("install", "--user", "--break-system-packages", "hello-app==1.0");
        assertEquals(0, app.exit(), app.describe());
        assertNotNull(installedAt("plain-lib"));
        assertTrue(installedAt("hello-app").startsWith(userSite()), String.valueOf(installedAt("hello-app")));
    }

    @Test
    void listsMovesAndPutsBack() throws IOException {
        breakTheSystem();
        Path libAt = installedAt("plain-lib").getParent();
        Path appAt = installedAt("hello-app").getParent();

        Proc.Result list = Launcher.run(env, tmp, "rescue");
        assertEquals(0, list.exit(), list.describe());
        assertTrue(list.stdout().contains("plain-lib 1.0   (library: to safepip's venv)"), list.describe());
        assertTrue(list.stdout().contains("hello-app 1.0   (application: to pipx)"), list.describe());
        assertTrue(list.stdout().contains("where:     " + libAt + " (system-wide"), list.describe());
        assertTrue(list.stdout().contains("where:     " + appAt + " (your user site)"), list.describe());
        assertTrue(list.stdout().contains("installer: pip"), list.describe());
        assertTrue(list.stdout().contains("command:   " + sandbox.testEnv().home().resolve(".local/bin/hello-app")),
                list.describe());
        assertFalse(list.stdout().contains("six "), "Debian's own packages are not listed: " + list.describe());
        assertNotNull(installedAt("plain-lib"), "rescue alone changes nothing");
        assertNotNull(installedAt("hello-app"), "rescue alone changes nothing");

        Proc.Result plan = Launcher.run(env, tmp, "rescue", "--plan");
        assertEquals(0, plan.exit(), plan.describe());
        // The index options go into the commands themselves: under sudo pip would not see PIP_INDEX_URL.
        assertTrue(plan.stderr().contains("pipx install --python " + sandbox.managed().python()
                + " '--pip-args=--index-url " + index.url() + "' hello-app==1.0"), plan.describe());
        assertTrue(plan.stderr().contains("install --index-url " + index.url() + " plain-lib==1.0"), plan.describe());
        assertTrue(plan.stderr().contains("uninstall -y --break-system-packages plain-lib"), plan.describe());
        assertNotNull(installedAt("plain-lib"), "--plan runs nothing");
        assertFalse(Files.exists(sandbox.defaultVenv()), "--plan runs nothing");

        Proc.Result refused = Launcher.run(env, tmp, "rescue", "plain-lib");
        assertEquals(1, refused.exit(), "no terminal and no --yes: nothing is agreed. " + refused.describe());
        assertNotNull(installedAt("plain-lib"), refused.describe());

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        assertEquals(null, installedAt("plain-lib"), "gone from the system Python: " + moved.describe());
        assertEquals(null, installedAt("hello-app"), "gone from the user site: " + moved.describe());
        Proc.Result imported = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import importlib.metadata as m, plain_lib; print(m.version('plain-lib'), plain_lib.VALUE)"),
                env, tmp, Duration.ofSeconds(30));
        assertEquals("1.0 plain-lib 1.0\n", imported.stdout(), imported.describe());
        Path command = sandbox.testEnv().pipxBin().resolve("hello-app");
        Proc.Result ran = Proc.run(List.of(command.toString()), env, tmp, Duration.ofSeconds(30));
        assertEquals("hello from hello-app\n", ran.stdout(), ran.describe());
        Proc.Result none = Launcher.run(env, tmp, "rescue");
        assertTrue(none.stdout().contains("Nothing to rescue"), none.describe());

        Proc.Result where = Launcher.run(env, tmp, "where");
        assertEquals(0, where.exit(), where.describe());
        assertTrue(where.stdout().lines().anyMatch(l -> l.startsWith("hello-app") && l.contains("pipx")
                && l.contains("present")), where.describe());
        assertTrue(where.stdout().lines().anyMatch(l -> l.startsWith("plain-lib") && l.contains("venv")
                && l.contains("present")), where.describe());

        Proc.Result undoRefused = Launcher.run(env, tmp, "rescue", "--undo", "plain-lib");
        assertEquals(1, undoRefused.exit(), "never --break-system-packages without a yes: " + undoRefused.describe());
        assertEquals(null, installedAt("plain-lib"), undoRefused.describe());

        Proc.Result undoPlan = Launcher.run(env, tmp, "rescue", "--plan", "--undo", "plain-lib");
        assertTrue(undoPlan.stderr().contains("-m pip install --index-url " + index.url()
                + " --break-system-packages --no-deps plain-lib==1.0"), undoPlan.describe());
        Map<String, String> noIndex = new java.util.HashMap<>(env);
        noIndex.remove("PIP_INDEX_URL");
        Proc.Result undoPlainPlan = Launcher.run(noIndex, tmp, "rescue", "--plan", "--undo", "plain-lib");
        assertTrue(undoPlainPlan.stderr().contains("-m pip install --break-system-packages --no-deps plain-lib==1.0"),
                undoPlainPlan.describe());
        Proc.Result undo = Launcher.run(env, tmp, "rescue", "--yes", "--undo", "plain-lib");
        assertEquals(0, undo.exit(), undo.describe());
        assertEquals(libAt, installedAt("plain-lib").getParent(), undo.describe());
        Proc.Result gone = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import plain_lib"), env, tmp, Duration.ofSeconds(30));
        assertTrue(gone.exit() != 0, "the moved copy is removed: " + gone.describe());
        Proc.Result whereAfter = Launcher.run(env, tmp, "where", "plain-lib");
        assertEquals(1, whereAfter.exit(), whereAfter.describe());
        assertEquals(1, Launcher.run(env, tmp, "rescue", "--undo", "plain-lib").exit(), "undone once only");
    }

    @Test
    void aMissingMarkerIsReportedByRescueWithTheRestoreCommand() throws IOException {
        ManagedPython managed = sandbox.managed();
        Path marker = managed.stdlib().toRealPath().resolve("EXTERNALLY-MANAGED");
        managed.removeMarker();
        Path log = tmp.resolve("dpkg.log");
        Path fakeBin = tmp.resolve("fake-bin");
        // A stand-in for dpkg: the real marker belongs to the system (see ActiveEnvironmentIT.recordingDpkg).
        ActiveEnvironmentIT.recordingDpkg(fakeBin, marker, log);
        env.put("PATH", fakeBin + ":" + env.get("PATH"));
        Proc.Result rescue = Launcher.run(env, tmp, "rescue");
        assertEquals(0, rescue.exit(), rescue.describe());
        assertTrue(rescue.stderr().contains(marker + " is missing"), rescue.describe());
        assertTrue(rescue.stderr().contains("sudo apt install --reinstall libpython3-test-stdlib:amd64"),
                rescue.describe());
        assertFalse(Files.exists(marker), "safepip never writes the marker");
    }
}
