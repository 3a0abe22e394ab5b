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

    /** Wheels no index serves: what the user installed with --no-index --find-links. */
    static Path offline;
    /** An index with none of the test's projects: only pip, setuptools and wheel, as pipx 1.5 and later need. */
    @AutoClose
    static LocalIndex pipsOwnOnly;

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
        offline = shared.resolve("offline");
        pipsOwnOnly = Sandbox.serve(shared.resolve("no-wheels"));
        WheelBuilder.of("beta", "1.0").module("beta", "VALUE = 'beta 1.0'\n").build(offline);
        WheelBuilder.of("gamma", "1.0").module("gamma", "VALUE = 'as installed'\n").build(offline);
        WheelBuilder.of("from-url", "2.0").module("from_url", "VALUE = 'from-url 2.0'\n").build(offline);
        WheelBuilder.of("delta-app", "1.0").consoleScript("delta-app", "delta_app:main")
                .guiScript("delta-gui", "delta_app:gui").dataScript("delta-tool", "#!/bin/sh\necho delta tool\n")
                .module("delta_app", "def main():\n    print('delta app')\ndef gui():\n    print('delta gui')\n")
                .build(offline);
        WheelBuilder.of("ns-one", "1.0").file("nsp/one/__init__.py", "VALUE = 'one'\n").build(offline);
        WheelBuilder.of("ns-two", "1.0").file("nsp/two/__init__.py", "VALUE = 'two'\n").build(offline);
    }

    /**
     * No index at all: PIP_INDEX_URL names a port nobody listens on (pip gives up at once: no retries), no find-links.
     */
    private Map<String, String> offlineEnv() throws IOException {
        Map<String, String> offlineEnv = sandbox.env();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        offlineEnv.put("PIP_INDEX_URL", "http://127.0.0.1:" + port + "/simple/");
        offlineEnv.put("PIP_RETRIES", "0");
        offlineEnv.put("PIP_TIMEOUT", "5");
        env = offlineEnv;
        return offlineEnv;
    }

    /** As a user does with wheels of their own: from a folder, never an index. */
    private void installLocally(String... args) {
        List<String> argv = new ArrayList<>(List.of("install", "--break-system-packages", "--no-index",
                "--find-links", offline.toString()));
        argv.addAll(List.of(args));
        Proc.Result result = systemPip(argv.toArray(new String[0]));
        assertEquals(0, result.exit(), result.describe());
    }

    private Proc.Result inVenv(String code) {
        return Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c", code), env, tmp,
                Duration.ofSeconds(30));
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
        // What is installed is a wheel of the installed files, kept in safepip's data folder; the index stays for
        // what they need.
        Path wheels = sandbox.testEnv().xdgData().resolve("safepip/rescued");
        assertTrue(plan.stderr().contains("pipx install --python " + sandbox.managed().python()
                + " '--pip-args=--index-url " + index.url() + "' " + wheels + "/hello-app-"), plan.describe());
        assertTrue(plan.stderr().contains("/hello_app-1.0-py3-none-any.whl"), plan.describe());
        assertTrue(plan.stderr().contains("install --index-url " + index.url() + " " + wheels + "/plain-lib-"),
                plan.describe());
        assertTrue(plan.stderr().contains("/plain_lib-1.0-py3-none-any.whl"), plan.describe());
        assertTrue(plan.stderr().contains("uninstall -y --break-system-packages plain-lib"), plan.describe());
        assertNotNull(installedAt("plain-lib"), "--plan runs nothing");
        assertFalse(Files.exists(sandbox.defaultVenv()), "--plan runs nothing");

        Proc.Result refused = Launcher.run(env, tmp, "rescue", "plain-lib");
        assertEquals(1, refused.exit(), "no terminal and no --yes: nothing is agreed. " + refused.describe());
        assertNotNull(installedAt("plain-lib"), refused.describe());

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(5, shown(moved.stderr()).size(), "pipx's install, the venv's creation and install, two removals: "
                + moved.describe());
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
        assertTrue(undoPlan.stderr().contains("-m pip install --break-system-packages --no-deps --no-index "
                + wheels + "/plain-lib-"), undoPlan.describe());
        Proc.Result undo = Launcher.run(env, tmp, "rescue", "--yes", "--undo", "plain-lib");
        assertEquals(0, undo.exit(), undo.describe());
        // What --plan showed is what ran: the reinstall, then the removal of the moved copy.
        assertEquals(2, shown(undoPlan.stderr()).size(), undoPlan.describe());
        assertEquals(shown(undoPlan.stderr()), PlanMatchesRunIT.ran(undo.stderr()), undoPlan.describe() + "\n"
                + undo.describe());
        assertEquals(libAt, installedAt("plain-lib").getParent(), undo.describe());
        Proc.Result gone = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import plain_lib"), env, tmp, Duration.ofSeconds(30));
        assertTrue(gone.exit() != 0, "the moved copy is removed: " + gone.describe());
        Proc.Result whereAfter = Launcher.run(env, tmp, "where", "plain-lib");
        assertEquals(1, whereAfter.exit(), whereAfter.describe());
        assertEquals(1, Launcher.run(env, tmp, "rescue", "--undo", "plain-lib").exit(), "undone once only");
    }

    /**
     * The commands a rescue shows (indented) before the first it runs, without its notes about the wheel and the
     * check: every move is shown before any runs (after, pipx and pip print indented lines of their own).
     */
    private static List<String> shown(String stderr) {
        List<String> commands = new java.util.ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (!PlanMatchesRunIT.ran(line).isEmpty()) {
                break;
            }
            if (line.startsWith("    ") && !line.startsWith("    a wheel made") && !line.startsWith("    then, once")) {
                commands.add(line.strip());
            }
        }
        return commands;
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

    /** Two libraries in one go: the plan makes the venv once, for the first, and the run does the same. */
    @Test
    void twoLibrariesMakeTheVenvOnceAsShown() throws IOException {
        Map<String, String> env = offlineEnv();
        installLocally("beta", "gamma");
        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        List<String> shown = shown(moved.stderr());
        assertEquals(shown, PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(1, shown.stream().filter(c -> c.contains(" -m venv ")).count(), moved.describe());
        assertEquals(5, shown.size(), "the venv, two installs, two removals: " + moved.describe());
        assertEquals(null, installedAt("beta"), moved.describe());
        assertEquals(null, installedAt("gamma"), moved.describe());
    }

    @Test
    void aLibraryFromALocalWheelMovesAndComesBackWithNoIndexAtAll() throws IOException {
        Map<String, String> env = offlineEnv();
        installLocally("beta");
        Path distInfo = installedAt("beta");
        Path site = distInfo.getParent();
        byte[] before = Files.readAllBytes(site.resolve("beta/__init__.py"));

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertFalse(moved.stderr().contains("No matching distribution"), moved.describe());
        assertEquals(null, installedAt("beta"), moved.describe());
        Proc.Result imported = inVenv("import importlib.metadata as m, beta; print(m.version('beta'), beta.VALUE)");
        assertEquals("1.0 beta 1.0\n", imported.stdout(), imported.describe());
        // The wheel is kept for undo, safepip's alone.
        Path wheels = sandbox.testEnv().xdgData().resolve("safepip/rescued");
        List<Path> kept;
        try (var walk = Files.walk(wheels)) {
            kept = walk.filter(p -> p.toString().endsWith(".whl")).toList();
        }
        assertEquals(1, kept.size(), String.valueOf(kept));
        assertEquals("beta-1.0-py3-none-any.whl", kept.get(0).getFileName().toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(kept.get(0))));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(kept.get(0).getParent())));

        Proc.Result undo = Launcher.run(env, tmp, "rescue", "--yes", "--undo", "beta");
        assertEquals(0, undo.exit(), undo.describe());
        assertEquals(site, installedAt("beta").getParent(), undo.describe());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(site.resolve("beta/__init__.py"))),
                "the same bytes are back");
        assertTrue(inVenv("import beta").exit() != 0, "the moved copy is removed");
        assertFalse(Files.exists(kept.get(0)), "the kept wheel goes once it is back");
    }

    @Test
    void aPackageInstalledFromAUrlMovesWithoutTheUrl() throws IOException {
        Map<String, String> env = offlineEnv();
        Path wheel = offline.resolve("from_url-2.0-py3-none-any.whl");
        Path copy = tmp.resolve("downloads/from_url-2.0-py3-none-any.whl");
        Files.createDirectories(copy.getParent());
        Files.copy(wheel, copy);
        installLocally(copy.toUri().toString());
        assertTrue(Files.exists(installedAt("from-url").resolve("direct_url.json")));
        Files.delete(copy);

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(null, installedAt("from-url"), moved.describe());
        Proc.Result imported = inVenv("import from_url; print(from_url.VALUE)");
        assertEquals("from-url 2.0\n", imported.stdout(), imported.describe());
    }

    @Test
    void aFileChangedAfterInstallIsSaidAndMovedAsItIsNow() throws IOException {
        Map<String, String> env = offlineEnv();
        installLocally("gamma");
        Path module = installedAt("gamma").getParent().resolve("gamma/__init__.py");
        Files.writeString(module, "VALUE = 'patched by hand'\n");

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertTrue(moved.stderr().contains("changed since install: " + module), moved.describe());
        Proc.Result imported = inVenv("import gamma; print(gamma.VALUE)");
        assertEquals("patched by hand\n", imported.stdout(), imported.describe());
    }

    @Test
    void anApplicationWithGuiAndDataScriptsGoesToPipxWithItsCommands() throws IOException {
        Map<String, String> env = offlineEnv();
        // pipx 1.5 and later make their shared environment with pip from the index (pipx 1.7.1: pip>=23.1), so
        // pipx's first run needs an index; this one has nothing of delta-app's, so nothing of it can come from one.
        env.put("PIP_INDEX_URL", pipsOwnOnly.url());
        installLocally("delta-app");
        // The scheme's scripts folder: PREFIX/bin beside PREFIX/lib/pythonX.Y/site-packages.
        Path bin = installedAt("delta-app").getParent().getParent().getParent().getParent().resolve("bin");
        // WheelBuilder gives it no mode, so pip installs it 0644; the wheel rescue makes marks it executable.
        assertTrue(Files.isRegularFile(bin.resolve("delta-tool")), "pip put the .data script there");

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(null, installedAt("delta-app"), moved.describe());
        assertFalse(Files.exists(bin.resolve("delta-tool")), moved.describe());
        Path pipxBin = sandbox.testEnv().pipxBin();
        for (String[] command : List.of(new String[] {"delta-app", "delta app"},
                new String[] {"delta-gui", "delta gui"}, new String[] {"delta-tool", "delta tool"})) {
            Proc.Result ran = Proc.run(List.of(pipxBin.resolve(command[0]).toString()), env, tmp,
                    Duration.ofSeconds(30));
            assertEquals(command[1] + "\n", ran.stdout(), command[0] + ": " + ran.describe());
        }
    }

    @Test
    void oneHalfOfANamespacePackageMovesAndTheOtherStays() throws IOException {
        Map<String, String> env = offlineEnv();
        installLocally("ns-one", "ns-two");
        Path site = installedAt("ns-one").getParent();

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes", "ns-one");
        assertEquals(0, moved.exit(), moved.describe());
        assertFalse(Files.exists(site.resolve("nsp/one")), moved.describe());
        assertTrue(Files.exists(site.resolve("nsp/two/__init__.py")), "the other half stays: " + moved.describe());
        Proc.Result imported = inVenv("import nsp.one; print(nsp.one.VALUE)");
        assertEquals("one\n", imported.stdout(), imported.describe());
        assertTrue(inVenv("import nsp.two").exit() != 0, "only ns-one moved");
    }

    @Test
    void aLibraryInTheUserSiteMovesAndComesBackThere() throws IOException {
        Map<String, String> env = offlineEnv();
        installLocally("--user", "beta");
        assertTrue(installedAt("beta").startsWith(userSite()), String.valueOf(installedAt("beta")));

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(null, installedAt("beta"), moved.describe());
        assertEquals("beta 1.0\n", inVenv("import beta; print(beta.VALUE)").stdout());

        Proc.Result undo = Launcher.run(env, tmp, "rescue", "--yes", "--undo", "beta");
        assertEquals(0, undo.exit(), undo.describe());
        assertTrue(installedAt("beta").startsWith(userSite()), undo.describe());
    }

    /**
     * Root's files, as `sudo pip install` leaves them: rescue as root reads them, keeps the wheel root's alone, and
     * undo puts the same bytes back, root's again. Root only: CI's root phase runs it.
     */
    @Test
    void aPackageWhoseFilesAreRootsMovesAndComesBackOffline() throws IOException {
        assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root (CI's root phase)");
        Map<String, String> env = offlineEnv();
        installLocally("beta");
        Path module = installedAt("beta").getParent().resolve("beta/__init__.py");
        assertEquals("root", Files.getOwner(module).getName());
        byte[] before = Files.readAllBytes(module);

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertEquals(null, installedAt("beta"), moved.describe());
        Path wheels = sandbox.testEnv().xdgData().resolve("safepip/rescued");
        List<Path> kept;
        try (var walk = Files.walk(wheels)) {
            kept = walk.filter(p -> p.toString().endsWith(".whl")).toList();
        }
        assertEquals(1, kept.size(), String.valueOf(kept));
        assertEquals("root", Files.getOwner(kept.get(0)).getName());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(kept.get(0))));

        Proc.Result undo = Launcher.run(env, tmp, "rescue", "--yes", "--undo", "beta");
        assertEquals(0, undo.exit(), undo.describe());
        assertEquals("root", Files.getOwner(module).getName());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(module)), "the same bytes are back");
    }

    /** A RECORD that lists a file that is gone: the index is the fallback, and the user is told so. */
    @Test
    void aGoneFileFallsBackToTheIndexAndSaysSo() throws IOException {
        Proc.Result lib = systemPip("install", "--break-system-packages", "plain-lib==1.0");
        assertEquals(0, lib.exit(), lib.describe());
        Files.delete(installedAt("plain-lib").getParent().resolve("plain_lib/__init__.py"));

        Proc.Result moved = Launcher.run(env, tmp, "rescue", "--yes");
        assertEquals(0, moved.exit(), moved.describe());
        // Each move's commands are shown before anything runs, then run as shown, in order.
        assertEquals(shown(moved.stderr()), PlanMatchesRunIT.ran(moved.stderr()), moved.describe());
        assertTrue(moved.stderr().contains("plain-lib's installed files cannot be moved as they are (its RECORD lists "
                + "files that are gone (" ), moved.describe());
        assertTrue(moved.stderr().contains("plain-lib==1.0 is installed again from the index."), moved.describe());
        assertEquals(null, installedAt("plain-lib"), moved.describe());
        assertEquals("plain-lib 1.0\n", inVenv("import plain_lib; print(plain_lib.VALUE)").stdout());
    }
}
