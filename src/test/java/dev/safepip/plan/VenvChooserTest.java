package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.config.Setting;
import dev.safepip.core.ExitCodes;
import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenvChooserTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path defaultVenv;
    private VenvChooser chooser;
    private final Setting<Path> unset = new Setting<>(null, "default");

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.toRealPath().resolve("home/u"));
        defaultVenv = home.resolve(".local/share/safepip/venv");
        chooser = new VenvChooser(home, defaultVenv);
        assumeNothingAboveLooksLikeAProject();
    }

    /** The walk up goes past the temp folder: make sure nothing above it looks like a project. */
    private void assumeNothingAboveLooksLikeAProject() throws IOException {
        for (Path dir = tmp.toRealPath().getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
            for (String name : List.of(".venv", "pyproject.toml", "setup.py", "setup.cfg", ".git")) {
                assumeTrue(Files.notExists(dir.resolve(name)), dir.resolve(name) + " exists");
            }
            try (var entries = Files.newDirectoryStream(dir, "requirements*.txt")) {
                assumeTrue(!entries.iterator().hasNext(), "a requirements file in " + dir);
            }
        }
    }

    @Test
    void aConfiguredVenvWins() throws IOException {
        Path work = Files.createDirectories(home.resolve("work/.venv")).getParent();
        Files.createFile(work.resolve("pyproject.toml"));
        VenvChoice choice = chooser.choose(new Setting<>(home.resolve("venvs/tools"), "--venv"), work);
        assertEquals(home.resolve("venvs/tools"), choice.dir());
        assertEquals("~/venvs/tools", choice.display());
        assertEquals("set by --venv", choice.rule());

        VenvChoice fromEnv = chooser.choose(new Setting<>(Path.of("/srv/venv"), "SAFEPIP_VENV"), work);
        assertEquals(Path.of("/srv/venv"), fromEnv.dir());
        assertEquals("/srv/venv", fromEnv.display());
        assertEquals("set by SAFEPIP_VENV", fromEnv.rule());
    }

    @Test
    void theNearestDotVenvInThisFolderOrAParent() throws IOException {
        Files.createDirectories(home.resolve("work/.venv"));
        Files.createDirectories(home.resolve("work/proj/.venv"));
        Path deep = Files.createDirectories(home.resolve("work/proj/src/pkg"));
        VenvChoice choice = chooser.choose(unset, deep);
        assertEquals(home.resolve("work/proj/.venv"), choice.dir());
        assertEquals("~/work/proj/.venv", choice.display());
        assertEquals("the nearest .venv", choice.rule());

        Path here = Files.createDirectories(home.resolve("work/other"));
        assertEquals(home.resolve("work/.venv"), chooser.choose(unset, here).dir());
        assertEquals(home.resolve("work/.venv"), chooser.choose(unset, home.resolve("work")).dir());
    }

    @Test
    void aDotVenvThatIsAFileDoesNotCount() throws IOException {
        Path work = Files.createDirectories(home.resolve("work"));
        Files.writeString(work.resolve(".venv"), "not a folder");
        assertEquals(defaultVenv, chooser.choose(unset, work).dir());
    }

    @Test
    void theProjectRootByPyprojectToml() throws IOException {
        Path proj = Files.createDirectories(home.resolve("proj"));
        Files.createFile(proj.resolve("pyproject.toml"));
        Path src = Files.createDirectories(proj.resolve("src/pkg"));
        VenvChoice choice = chooser.choose(unset, src);
        assertEquals(proj.resolve(".venv"), choice.dir());
        assertEquals("~/proj/.venv", choice.display());
        assertEquals("the project at ~/proj (pyproject.toml)", choice.rule());
    }

    @Test
    void theProjectRootByARequirementsFile() throws IOException {
        Path proj = Files.createDirectories(home.resolve("app"));
        Files.createFile(proj.resolve("requirements-dev.txt"));
        Path sub = Files.createDirectories(proj.resolve("tests"));
        VenvChoice choice = chooser.choose(unset, sub);
        assertEquals(proj.resolve(".venv"), choice.dir());
        assertEquals("the project at ~/app (requirements-dev.txt)", choice.rule());
    }

    @Test
    void theProjectRootByGitAndTheNearestMarkerWins() throws IOException {
        Path repo = Files.createDirectories(home.resolve("repo/.git")).getParent();
        Path inner = Files.createDirectories(repo.resolve("tools/inner"));
        Files.createFile(inner.resolve("setup.py"));
        assertEquals("the project at ~/repo (.git)", chooser.choose(unset, repo.resolve("tools")).rule());
        VenvChoice choice = chooser.choose(unset, inner);
        assertEquals(inner.resolve(".venv"), choice.dir());
        assertEquals("the project at ~/repo/tools/inner (setup.py)", choice.rule());
    }

    @Test
    void theDefaultVenvOtherwise() throws IOException {
        Path plain = Files.createDirectories(home.resolve("Downloads/stuff"));
        VenvChoice choice = chooser.choose(unset, plain);
        assertEquals(defaultVenv, choice.dir());
        assertEquals("~/.local/share/safepip/venv", choice.display());
        assertEquals("no project here", choice.rule());
    }

    @Test
    void shortenUsesATildeForTheHomeFolderOnly() {
        assertEquals("~/a/b", chooser.shorten(home.resolve("a/b")));
        assertEquals(home.toString(), chooser.shorten(home));
        assertEquals("/opt/venv", chooser.shorten(Path.of("/opt/venv")));
        Path sibling = home.resolveSibling(home.getFileName() + "2").resolve("x");
        assertEquals(sibling.toString(), chooser.shorten(sibling), "a folder beside home whose name starts alike");
    }
    // Ownership: what another user could swap is passed over (one line says why), and the next rule decides.

    @Test
    void aDotVenvInAFolderEverybodyWritesIsSkippedForTheNextRule() throws IOException {
        Path open = Files.createDirectories(home.resolve("open"));
        Path venv = Files.createDirectories(open.resolve("w/.venv"));
        mode(open, "rwxrwxrwx");
        VenvChoice choice = chooser.choose(unset, open.resolve("w"));
        assertEquals(defaultVenv, choice.dir());
        assertEquals("no project here", choice.rule());
        assertEquals("not using " + venv + ": everybody may write to " + open + " (mode 0777)", choice.skipped());
    }

    @Test
    void theNextDotVenvUpCountsWhenTheNearestIsSkipped() throws IOException {
        Path mine = Files.createDirectories(home.resolve("work/.venv"));
        Path loose = Files.createDirectories(home.resolve("work/sub/.venv"));
        mode(loose, "rwxrwxrwx");
        VenvChoice choice = chooser.choose(unset, loose.getParent());
        assertEquals(mine, choice.dir());
        assertEquals("the nearest .venv", choice.rule());
        assertEquals("not using " + loose + ": everybody may write to it (mode 0777)", choice.skipped());
    }

    @Test
    void anOwnDotVenvInAStickyFolderIsUsed() throws IOException {
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path venv = Files.createDirectories(shared.resolve("w/.venv"));
        VenvChoice choice = chooser.choose(unset, venv.getParent());
        assertEquals(venv, choice.dir());
        assertNull(choice.skipped());
    }

    @Test
    void aProjectMarkerOthersMayWriteDoesNotDecide() throws IOException {
        Path proj = Files.createDirectories(home.resolve("proj"));
        Path marker = Files.createFile(proj.resolve("pyproject.toml"));
        mode(marker, "rw-rw-rw-");
        VenvChoice choice = chooser.choose(unset, proj);
        assertEquals(defaultVenv, choice.dir());
        assertEquals("not using the project at " + proj + " (pyproject.toml): pyproject.toml: everybody may write "
                + "to it (mode 0666)", choice.skipped());
        mode(marker, "rw-r--r--");
        assertEquals(proj.resolve(".venv"), chooser.choose(unset, proj).dir());
    }

    @Test
    void aDotVenvLinkIsFollowedOnlyToAPlaceAsSafe() throws IOException {
        Path open = Files.createDirectories(home.resolve("open"));
        mode(open, "rwxrwxrwx");
        Path there = Files.createDirectories(open.resolve("venv"));
        Path proj = Files.createDirectories(home.resolve("proj"));
        Path link = Files.createSymbolicLink(proj.resolve(".venv"), there);
        VenvChoice choice = chooser.choose(unset, proj);
        assertEquals(defaultVenv, choice.dir());
        assertEquals("not using " + link + ": it points to " + there + ", and everybody may write to " + open
                + " (mode 0777)", choice.skipped());

        mode(open, "rwxr-xr-x");
        assertEquals(link, chooser.choose(unset, proj).dir(), "a link to a folder of one's own is followed");
    }

    @Test
    void aDanglingDotVenvLinkInAProjectIsJudgedByWhereItWouldBeMade() throws IOException {
        Path open = Files.createDirectories(home.resolve("open"));
        mode(open, "rwxrwxrwx");
        Path proj = Files.createDirectories(home.resolve("proj"));
        Files.createFile(proj.resolve("setup.cfg"));
        Files.createSymbolicLink(proj.resolve(".venv"), open.resolve("later"));
        VenvChoice choice = chooser.choose(unset, proj);
        assertEquals(defaultVenv, choice.dir());
        assertTrue(choice.skipped().contains("it points to " + open.resolve("later") + ", and everybody may write to "
                + open), choice.skipped());
    }

    @Test
    void aGroupWritableProjectOfAUserPrivateGroupIsTheUsersOwn() throws IOException {
        Path proj = Files.createDirectories(home.resolve("proj"));
        Path venv = Files.createDirectories(proj.resolve(".venv"));
        String owner = Files.getOwner(venv).getName();
        String group = String.valueOf(Files.getAttribute(venv, "posix:group"));
        assumeTrue(owner.equals(group), "the user " + owner + " has a user private group (group is " + group + ")");
        mode(proj, "rwxrwxr-x");
        mode(venv, "rwxrwxr-x");
        VenvChoice choice = chooser.choose(unset, proj);
        assertEquals(venv, choice.dir(), "umask 002 with a user private group is no reason to refuse");
        assertNull(choice.skipped());
    }

    @Test
    void anotherUsersDotVenvIsSkippedUnlessSudoNamesThem() throws IOException {
        assumeTrue(Ownership.ofThisProcess().isRoot(), "giving a folder to another user needs root; CI runs it");
        Path proj = Files.createDirectories(home.resolve("proj"));
        Path venv = Files.createDirectories(proj.resolve(".venv"));
        Files.createFile(proj.resolve("pyproject.toml"));
        for (Path path : List.of(home, proj, venv, proj.resolve("pyproject.toml"))) {
            Files.setAttribute(path, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        }
        VenvChoice root = chooser.choose(unset, proj);
        assertEquals(defaultVenv, root.dir(), "root alone does not use a user's .venv, nor their project's");
        assertEquals("not using " + venv + ": it belongs to 4242, not to you", root.skipped());

        VenvChoice sudo = new VenvChooser(home, defaultVenv, Ownership.ofThisProcess(), 4242).choose(unset, proj);
        assertEquals(venv, sudo.dir(), "under sudo, the invoking user's project is theirs");
        assertNull(sudo.skipped());
    }

    @Test
    void aNamedVenvThatFailsIsRefusedNotReplaced() throws IOException {
        Path open = Files.createDirectories(home.resolve("open"));
        mode(open, "rwxrwxrwx");
        Path cwd = Files.createDirectories(home.resolve("work/.venv")).getParent();
        SafepipException refused = assertThrows(SafepipException.class,
                () -> chooser.choose(new Setting<>(open.resolve("v"), "SAFEPIP_VENV"), cwd));
        assertEquals(ExitCodes.UNAVAILABLE, refused.exitCode());
        assertEquals("not using " + open.resolve("v") + " (set by SAFEPIP_VENV): everybody may write to " + open
                + " (mode 0777)", refused.getMessage());

        Path existing = Files.createDirectories(home.resolve("venvs/loose"));
        mode(existing, "rwxrwxrwx");
        assertThrows(SafepipException.class, () -> chooser.named(existing, "the active virtual environment"));

        Path sticky = Files.createDirectories(home.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        assertEquals(sticky.resolve("v"), chooser.choose(new Setting<>(sticky.resolve("v"), "--venv"), cwd).dir(),
                "to be made in a sticky folder: whoever makes it owns it, and the install checks that owner");
    }

    private static void mode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
}
