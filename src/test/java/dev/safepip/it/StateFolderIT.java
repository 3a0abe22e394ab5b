package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safepip's own folders, attacked as a real run meets them: a state folder others may write to, a link planted at
 * the ledger, and root under sudo -E with a user's HOME.
 */
class StateFolderIT {
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
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .classifier("Environment :: Console")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
    }

    @Test
    void aStateFolderOthersMayWriteToIsRefusedBeforeAnythingIsInstalled() throws IOException {
        Path state = Files.createDirectories(sandbox.stateDir());
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgA");
        assertEquals(69, run.exit(), run.describe());
        FaultIT.assertOneLine(run);
        String line = refusal(run);
        assertTrue(line.contains(state.toString()) && line.contains("everybody may write")
                && line.contains("chmod go-w"), run.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), "installed despite the refusal: " + run.describe());
        assertFalse(Files.exists(state.resolve("ledger.jsonl")), run.describe());
    }

    @Test
    void aFolderAboveTheStateFolderThatOthersMayWriteToIsRefused() throws IOException {
        Path parent = Files.createDirectories(sandbox.stateDir().getParent());
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgA");
        assertEquals(69, run.exit(), run.describe());
        FaultIT.assertOneLine(run);
        assertTrue(refusal(run).contains(parent.toString()), run.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), run.describe());
    }

    @Test
    void aLinkAtTheLedgerIsRefusedAndItsTargetUntouched() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "root's own file\n");
        Path state = Files.createDirectories(sandbox.stateDir());
        Path ledger = Files.createSymbolicLink(sandbox.ledger(), victim);
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgA");
        assertEquals(69, run.exit(), run.describe());
        FaultIT.assertOneLine(run);
        assertTrue(run.stderr().contains("safepip: " + ledger + " is a symbolic link, and safepip never writes "
                + "through one; remove it"), run.describe());
        assertEquals("root's own file\n", Files.readString(victim));
        assertTrue(Files.isDirectory(state));
    }

    @Test
    void theFoldersSafepipMakesAreItsUsersAlone() throws IOException {
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        Path state = sandbox.stateDir();
        Path data = sandbox.defaultVenv().getParent();
        Path cache = sandbox.testEnv().xdgCache().resolve("safepip");
        for (Path dir : List.of(state, state.resolve("locks"), state.resolve("creating"), data,
                sandbox.defaultVenv(), cache)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir,
                    LinkOption.NOFOLLOW_LINKS)), dir.toString());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.ledger())));
    }

    /**
     * sudo -E as a user: root with SUDO_USER, SUDO_UID and the user's HOME, XDG and pipx folders. After a plan, a
     * venv install and a pipx install, nothing in that home is root's (it would lock the user out of their next
     * install); safepip kept its things in root's own home. Root's home (/root, from the password file) is a fresh
     * tmpfs in a mount namespace of the run's own, so the machine's /root is never touched. Root only (useradd,
     * unshare, mount): CI's root phase runs it.
     */
    @Test
    void underSudoNothingRootsLandsInTheUsersHome() throws IOException {
        Assumptions.assumeTrue(FaultIT.isRoot(), () -> FaultIT.skip("sudo's case needs root; CI runs it as root"));
        Prerequisites.command("pipx", "pipx");
        Path unshare = Prerequisites.command("unshare", "util-linux");
        String user = "safepip-sudo-t";
        Proc.Result id = Proc.run(List.of("id", "-u", user), Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                Path.of("/"), Duration.ofSeconds(10));
        if (id.exit() != 0) {
            Proc.Result add = Proc.run(List.of("useradd", "-M", "-s", "/usr/sbin/nologin", user),
                    Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), Path.of("/"), Duration.ofSeconds(30));
            assertEquals(0, add.exit(), add.describe());
            id = Proc.run(List.of("id", "-u", user), Map.of("PATH", "/usr/bin:/bin"), Path.of("/"),
                    Duration.ofSeconds(10));
        }
        String uid = id.stdout().strip();
        UserPrincipal owner = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);

        Path home = Files.createDirectories(tmp.resolve("user-home"));
        Map<String, String> env = sandbox.env(index);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("PIPX_HOME", home.resolve(".local/pipx").toString());
        env.put("PIPX_BIN_DIR", home.resolve(".local/bin").toString());
        env.put("SUDO_USER", user);
        env.put("SUDO_UID", uid);
        env.put("SUDO_GID", uid);
        for (String dir : List.of(".config", ".local/share", ".local/state", ".cache", ".local/bin")) {
            Files.createDirectories(home.resolve(dir));
        }
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path path : walk.toList()) {
                Files.setOwner(path, owner);
            }
        }
        Path userCwd = Files.createDirectories(home.resolve("work"));
        Files.setOwner(userCwd, owner);

        List<String> found = new ArrayList<>();
        for (List<String> args : List.of(List.of("--plan", "install", "pkgA"), List.of("--via=venv", "install",
                "pkgA"), List.of("--via=pipx", "install", "hello-app"))) {
            List<String> argv = new ArrayList<>(List.of(unshare.toString(), "-m", "sh", "-c",
                    "mount -t tmpfs -o mode=0700 safepip-root-home /root || exit 99; \"$@\"; rc=$?; "
                    + "find /root -mindepth 1 -maxdepth 5 >&2; exit $rc", "sh", Launcher.script().toString()));
            argv.addAll(args);
            Proc.Result run = Proc.run(argv, env, userCwd, Duration.ofMinutes(3));
            // The venv route refuses to run under sudo (the venv would be root's); the others run.
            boolean refusedUnderSudo = run.exit() == 69 && run.stderr().contains("safepip runs under sudo");
            assertTrue(run.exit() == 0 || args.contains("--via=venv") && refusedUnderSudo, run.describe());
            found.add(run.stderr());
        }
        List<String> roots = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path path : walk.toList()) {
                if ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == 0) {
                    roots.add(path.toString());
                }
            }
        }
        assertEquals(List.of(), roots, "root's files in the user's home:\n" + String.join("\n", found));
        // safepip kept its things in root's own home instead (pipx 1.1 in ~/.local/pipx, 1.2 and later in
        // ~/.local/share/pipx: the listing goes five folders deep to show either).
        assertTrue(found.get(2).contains("/root/.local/state/safepip/ledger.jsonl"), found.get(2));
        assertTrue(found.get(2).contains("/root/.local/pipx/venvs/hello-app")
                || found.get(2).contains("/root/.local/share/pipx/venvs/hello-app"), found.get(2));
    }

    private static String refusal(Proc.Result run) {
        for (String line : run.stderr().split("\n")) {
            if (line.startsWith("safepip: ") && line.contains("refusing")) {
                return line;
            }
        }
        return "";
    }
}
