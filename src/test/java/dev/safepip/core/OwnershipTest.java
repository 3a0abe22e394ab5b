package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipTest {
    @TempDir
    Path dir;

    private final Ownership me = Ownership.ofThisProcess();

    @Test
    void theCurrentUserIsRead() throws IOException {
        assertEquals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"), me.uid());
        assertTrue(me.uid() >= 0);
    }

    @Test
    void ownFilesThatOnlyTheOwnerWritesAreTrusted() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(me.problem(file));
    }

    @Test
    void aFileEverybodyMayWriteIsNot() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertTrue(me.problem(file).contains("everybody may write to it (mode 0666)"), me.problem(file));
    }

    @Test
    void aFileOfAnotherUserIsNotUnlessSudoNamesThem() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        Ownership judge = me.isRoot() ? me : new Ownership(me.uid() + 1);
        if (me.isRoot()) {
            Files.setAttribute(file, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        }
        int owner = (Integer) Files.getAttribute(file, "unix:uid");
        assertNotNull(judge.problem(file));
        assertTrue(judge.problem(file).contains("not to you"), judge.problem(file));
        assertNull(judge.problem(file, owner), "the invoking user's own file under sudo");
    }

    @Test
    void aStickyFolderEverybodyWritesKeepsItsOwnersEntriesSafe() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNotNull(me.containerProblem(shared, -1));
        Files.setAttribute(shared, "unix:mode", 01777);
        assertNull(me.containerProblem(shared, -1));
        Path venv = Files.createDirectory(shared.resolve(".venv"));
        Files.setPosixFilePermissions(venv, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNull(me.chainProblem(venv, -1));
    }

    @Test
    void aChainBreaksAtAFolderOthersMayWrite() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path venv = Files.createDirectories(open.resolve("p/.venv"));
        Files.setPosixFilePermissions(venv, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(venv.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        String why = me.chainProblem(venv, -1);
        assertNotNull(why);
        assertTrue(why.contains("everybody may write to " + open), why);
    }

    @Test
    void aSymlinkIsJudgedAsTheLinkItself() throws IOException {
        Path target = Files.createDirectory(dir.resolve("t"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), target);
        assertNull(me.problem(link), "a link's own mode is always 0777 and means nothing");
    }

    @Test
    void sudoUidCountsOnlyForRoot() {
        assertEquals(1000, Ownership.sudoUid(0, Map.of("SUDO_UID", "1000")));
        assertEquals(-1, Ownership.sudoUid(1000, Map.of("SUDO_UID", "1000")));
        assertEquals(-1, Ownership.sudoUid(0, Map.of("SUDO_UID", "x")));
        assertEquals(-1, Ownership.sudoUid(0, Map.of()));
    }
    @Test
    void aLinkOnTheWayUpIsNoFalseAlarmButWhereItLeadsIsJudged() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real/p"));
        Path venv = Files.createDirectory(real.resolve(".venv"));
        Path link = Files.createSymbolicLink(dir.resolve("via"), dir.resolve("real"));
        assertNull(me.chainProblem(link.resolve("p/.venv"), -1), "a link's mode 0777 is no writable folder");
        Files.setPosixFilePermissions(dir.resolve("real"), PosixFilePermissions.fromString("rwxrwxrwx"));
        String why = me.chainProblem(link.resolve("p/.venv"), -1);
        assertNotNull(why, "the folder the link leads to is open to everybody");
        assertTrue(why.contains("everybody may write to " + dir.toRealPath().resolve("real")), why);
        assertNotNull(me.chainProblem(venv, -1));
    }

    @Test
    void aPlaceToMakeIsJudgedByItsNearestFolder() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"));
        assertNull(me.placeProblem(open.resolve("a/b/venv"), -1));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        String why = me.placeProblem(open.resolve("a/b/venv"), -1);
        assertNotNull(why);
        assertTrue(why.contains("everybody may write to " + open), why);
        Files.setAttribute(open, "unix:mode", 01777);
        assertNull(me.placeProblem(open.resolve("venv"), -1), "like /tmp: whoever makes it first owns it");
    }

    @Test
    void aGroupWritableFileOfAUserPrivateGroupIsTrusted() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        String owner = Files.getOwner(file).getName();
        String group = String.valueOf(Files.getAttribute(file, "posix:group"));
        if (owner.equals(group)) {
            assertNull(me.problem(file), "umask 002 with a user private group");
        } else {
            assertTrue(me.problem(file).contains("its group " + group + " may write to it"), me.problem(file));
        }
    }
}
