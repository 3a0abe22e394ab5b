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
import java.nio.file.LinkOption;
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
 * Issue 19's attacks on the venv choice: user A plants a .venv (its bin/pip a script that leaves a marker), an empty
 * .venv, a pyproject.toml or a .venv link in a folder everybody writes, or root works in A's project; safepip as
 * root must not run A's program, fill A's folder or go where A says, and says in one line why and whose. A is a
 * real second user (made here with useradd); the tests that need one run as root, in CI's root phase. Under sudo
 * the invoking user's project is theirs (shown, the route still refused); the user's own .venv, group-writable
 * with a user private group, still works for anyone.
 */
class VenvOwnershipIT {
    private static final String ALICE = "safepip-alice";

    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path marker;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp, managed);
        marker = tmp.resolve("alice-ran-as-root");
    }

    @Test
    void aDotVenvOfAnotherUserInAStickyFolderIsNotRunAsRoot() throws IOException {
        needRootAndAlice();
        Path open = openFolder("shared");
        Path venv = plantedVenv(open.resolve(".venv"));
        Path cwd = Files.createDirectories(open.resolve("w"));
        for (List<String> args : List.of(List.of("--via=venv", "install", "pkgA"), List.of("--yes", "install", "pkgA"),
                List.of("--plan", "install", "pkgA"))) {
            Proc.Result run = Launcher.run(sandbox.env(index), cwd, args);
            assertEquals(0, run.exit(), run.describe());
            assertFalse(Files.exists(marker), "A's bin/pip ran as root: " + run.describe());
            assertTrue(run.stderr().contains("safepip: not using " + venv + ": it belongs to " + ALICE
                    + ", not to you; using " + sandbox.defaultVenv() + " instead."), run.describe());
            assertEquals(1, count(run.stderr(), "not using "), "said once: " + run.describe());
            assertFalse(run.stderr().contains("running " + venv), run.describe());
        }
        assertTrue(Files.isExecutable(sandbox.defaultVenv().resolve("bin/python")), "root's own venv instead");
    }

    @Test
    void anEmptyDotVenvOfAnotherUserIsNotFilled() throws IOException {
        needRootAndAlice();
        Path open = openFolder("shared");
        Path venv = Files.createDirectory(open.resolve(".venv"));
        chown(venv);
        Proc.Result run = Launcher.run(sandbox.env(index), Files.createDirectories(open.resolve("w")), "--via=venv",
                "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        try (var entries = Files.list(venv)) {
            assertFalse(entries.iterator().hasNext(), "A's empty .venv was filled by root: " + run.describe());
        }
        assertTrue(run.stderr().contains("it belongs to " + ALICE), run.describe());
    }

    @Test
    void aPyprojectPlantedInASharedParentDoesNotDecide() throws IOException {
        needRootAndAlice();
        Path open = openFolder("shared");
        Path planted = Files.writeString(open.resolve("pyproject.toml"), "[project]\nname = 'x'\n");
        chown(planted);
        Path cwd = Files.createDirectories(open.resolve("w"));
        Proc.Result run = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        assertFalse(Files.exists(open.resolve(".venv")), "A's pyproject.toml chose root's venv: " + run.describe());
        assertTrue(run.stderr().contains("not using the project at " + open + " (pyproject.toml): pyproject.toml: "
                + "it belongs to " + ALICE), run.describe());
        assertTrue(run.stderr().contains("(no project here)"), run.describe());
    }

    @Test
    void aDotVenvLinkOfAnotherUserOrIntoTheirFolderIsNotFollowed() throws IOException {
        needRootAndAlice();
        Path alicesVenv = plantedVenv(aliceFolder("alice").resolve("venv"));
        Path rootsVenv = Files.createDirectory(tmp.resolve("roots-empty-venv"));

        Path intoAlices = Files.createDirectories(tmp.resolve("a"));
        Files.createSymbolicLink(intoAlices.resolve(".venv"), alicesVenv);
        Proc.Result run = Launcher.run(sandbox.env(index), intoAlices, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        assertFalse(Files.exists(marker), "a link into A's folder was followed: " + run.describe());
        assertTrue(run.stderr().contains("it points to " + alicesVenv + " (it belongs to " + ALICE), run.describe());

        Path alicesLink = Files.createDirectories(tmp.resolve("b"));
        chown(Files.createSymbolicLink(alicesLink.resolve(".venv"), rootsVenv));
        Proc.Result again = Launcher.run(sandbox.env(index), alicesLink, "--via=venv", "install", "pkgA");
        assertEquals(0, again.exit(), again.describe());
        try (var entries = Files.list(rootsVenv)) {
            assertFalse(entries.iterator().hasNext(), "A's link chose where root installs: " + again.describe());
        }
        assertTrue(again.stderr().contains("not using " + alicesLink.resolve(".venv") + ": it belongs to " + ALICE),
                again.describe());
    }

    @Test
    void rootInAUsersProjectDoesNotUseTheirDotVenv() throws IOException {
        needRootAndAlice();
        Path project = aliceProject();
        Proc.Result run = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        assertFalse(Files.exists(marker), "root ran the user's bin/pip: " + run.describe());
        assertTrue(run.stderr().contains("not using " + project.resolve(".venv") + ": it belongs to " + ALICE),
                run.describe());
    }

    /**
     * The rule under sudo: SUDO_UID's own project is theirs (no "not using" line, and an uninstall means its copy);
     * the route is still refused under sudo, and SUDO_UID alone never gets the user's program run as root.
     */
    @Test
    void underSudoTheInvokingUsersProjectIsTheirs() throws IOException {
        needRootAndAlice();
        Path project = aliceProject();
        Map<String, String> env = sandbox.env(index);
        env.put("SUDO_USER", ALICE);
        env.put("SUDO_UID", String.valueOf(Files.getAttribute(project, "unix:uid")));
        Proc.Result plan = Launcher.run(env, project, "--plan", "--via=venv", "install", "pkgA");
        assertEquals(69, plan.exit(), plan.describe());
        assertFalse(plan.stderr().contains("not using"), "the user's project is theirs under sudo: " + plan.describe());
        assertTrue(plan.stderr().contains("safepip runs under sudo"), plan.describe());

        Proc.Result run = Launcher.run(env, project, "--via=venv", "install", "pkgA");
        assertEquals(69, run.exit(), run.describe());
        assertFalse(Files.exists(marker), "root ran the user's bin/pip under sudo: " + run.describe());

        // SUDO_UID alone (no SUDO_USER, so the route is not refused) still never runs the user's program as root.
        env.remove("SUDO_USER");
        Proc.Result forged = Launcher.run(env, project, "--via=venv", "install", "pkgA");
        assertEquals(69, forged.exit(), forged.describe());
        assertFalse(Files.exists(marker), "root ran the user's bin/pip: " + forged.describe());
        assertTrue(forged.stderr().contains("safepip: not using the virtual environment at " + project.resolve(".venv")
                + ": " + project.resolve(".venv") + ": it belongs to " + ALICE), forged.describe());
        assertTrue(forged.stderr().contains("safepip: not using the virtual environment at " + project.resolve(".venv")),
                forged.describe());
    }

    /** A venv the user names is refused, not replaced: exit 69, one line. */
    @Test
    void aNamedVenvOfAnotherUserIsRefused() throws IOException {
        needRootAndAlice();
        Path venv = plantedVenv(openFolder("shared").resolve("v"));
        Proc.Result run = Launcher.run(sandbox.env(index), tmp, "--via=venv", "--venv", venv.toString(), "install",
                "pkgA");
        assertEquals(69, run.exit(), run.describe());
        assertFalse(Files.exists(marker), run.describe());
        assertTrue(run.stderr().contains("safepip: not using " + venv + " (set by --venv): it belongs to " + ALICE),
                run.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), "not silently elsewhere: " + run.describe());
    }

    /** No false alarm: one's own project, made with umask 002 and a user private group, for any user. */
    @Test
    void theUsersOwnGroupWritableDotVenvStillWorks() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("mine/proj"));
        Path venv = project.resolve(".venv");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        String owner = Files.getOwner(venv).getName();
        String group = String.valueOf(Files.getAttribute(venv, "posix:group"));
        Assumptions.assumeTrue(owner.equals(group), "the user " + owner + " has a user private group (" + group + ")");
        Proc.Result writable = Proc.run(List.of("chmod", "-R", "g+w", tmp.resolve("mine").toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(30));
        assertEquals(0, writable.exit(), writable.describe());
        Proc.Result run = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.stderr().contains("the nearest .venv"), run.describe());
        assertFalse(run.stderr().contains("not using"), run.describe());
        Proc.Result imports = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import pkga"),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(30));
        assertEquals(0, imports.exit(), imports.describe());
    }

    /** A folder everybody writes, sticky, root's: like /tmp or a shared /srv folder. */
    private Path openFolder(String name) throws IOException {
        Path open = Files.createDirectory(tmp.resolve(name));
        Files.setAttribute(open, "unix:mode", 01777);
        return open;
    }

    /** A folder of A's own, as A's home would be. */
    private Path aliceFolder(String name) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        chown(dir);
        return dir;
    }

    /** A's project: pyproject.toml and a .venv whose bin/pip is A's script. */
    private Path aliceProject() throws IOException {
        Path project = aliceFolder("alice-project");
        chown(Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = 'p'\n"));
        plantedVenv(project.resolve(".venv"));
        return project;
    }

    /** A real venv, then A's: bin/pip replaced by a script that leaves the marker, the whole tree given to A. */
    private Path plantedVenv(Path venv) throws IOException {
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        Path pip = venv.resolve("bin/pip");
        Files.delete(pip);
        Files.writeString(pip, "#!/bin/sh\ntouch " + marker + "\n");
        Files.setPosixFilePermissions(pip, PosixFilePermissions.fromString("rwxr-xr-x"));
        chown(venv);
        return venv;
    }

    private static void chown(Path path) {
        Proc.Result chown = Proc.run(List.of("chown", "-R", "-h", ALICE + ":" + ALICE, path.toString()),
                Map.of("PATH", "/usr/bin:/bin"), path.getParent(), Duration.ofSeconds(30));
        assertEquals(0, chown.exit(), chown.describe());
    }

    private static void needRootAndAlice() {
        Assumptions.assumeTrue(FaultIT.isRoot(), () -> FaultIT.skip("another user's files need root to make; CI runs "
                + "this as root"));
        Proc.Result known = Proc.run(List.of("id", "-u", ALICE), Map.of("PATH", "/usr/bin:/bin"), Path.of("/"),
                Duration.ofSeconds(10));
        if (known.exit() != 0) {
            // With a user private group, as Debian's useradd makes by default; no home, no login.
            Proc.Result add = Proc.run(List.of("/usr/sbin/useradd", "--no-create-home", "--user-group", "--shell",
                    "/usr/sbin/nologin", ALICE), Map.of("PATH", "/usr/sbin:/usr/bin:/bin"), Path.of("/"),
                    Duration.ofSeconds(30));
            assertEquals(0, add.exit(), "useradd " + ALICE + ": " + add.describe());
        }
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
