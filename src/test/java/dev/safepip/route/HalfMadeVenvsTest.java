package dev.safepip.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next run may remove of a venv an interrupted run left: only what it can prove safepip made. The folders
 * here are shaped as `python -m venv` leaves them; VenvRouteIT and FaultIT do the same with the real venv module.
 */
class HalfMadeVenvsTest {
    @TempDir
    Path tmp;

    Path state;
    Path venv;
    HalfMadeVenvs halfMade;

    @BeforeEach
    void setUp() {
        state = tmp.resolve("state");
        venv = tmp.resolve("project/.venv");
        halfMade = new HalfMadeVenvs(state);
    }

    /** What `python -m venv` writes first, before it is cut short. */
    private void halfAVenv(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib/python3.11/site-packages"));
        Files.writeString(dir.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.2\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("bin/python"), Path.of("/usr/bin/python3"));
    }

    @Test
    void noNoteNothingToDo() throws IOException {
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv));
    }

    @Test
    void aFolderSafepipMadeAndLeftHalfMadeIsRemovedWhole() throws IOException {
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        assertTrue(note.madeFolder());
        halfAVenv(venv);
        HalfMadeVenvs.Leftover leftover = halfMade.check(venv);
        HalfMadeVenvs.Ours ours = assertInstanceOf(HalfMadeVenvs.Ours.class, leftover);
        halfMade.remove(ours.note());
        assertFalse(Files.exists(venv));
        assertTrue(Files.isDirectory(venv.getParent()), "the folder above is the user's");
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv), "the note is gone");
    }

    /** The data loss: the user removed the half-made folder and made a venv of their own there. */
    @Test
    void aVenvMadeAgainByTheUserIsNeverRemoved() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        deleteTree(venv);
        halfAVenv(venv);
        Files.writeString(venv.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv));
        assertTrue(Files.exists(venv.resolve("notes.txt")));
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv), "the stale note was dropped");
    }

    @Test
    void aHalfMadeFolderWithTheUsersFilesInItIsKept() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        Files.writeString(venv.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
        HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertTrue(changed.why().contains("notes.txt"), changed.why());
    }

    @Test
    void aHalfMadeFolderWrittenToLongAfterIsKept() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        Path installed = Files.writeString(venv.resolve("lib/python3.11/site-packages/later.py"), "", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(installed, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertTrue(changed.why().contains("later.py"), changed.why());
    }

    @Test
    void aFolderSafepipMadeThatIsNowASymlinkIsKept() throws IOException {
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.copy(venv.resolve(HalfMadeVenvs.TOKEN_FILE), elsewhere.resolve(HalfMadeVenvs.TOKEN_FILE));
        deleteTree(venv);
        Files.createSymbolicLink(venv, elsewhere);
        assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertEquals(venv.toAbsolutePath().normalize(), note.venv());
    }

    /** A .venv symlink to an empty folder, as the user made it: emptied again, link and folder kept. */
    @Test
    void aSymlinkTheUserMadeIsKeptAndOnlyWhatSafepipPutBehindItGoes() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("big-disk/venv"));
        Files.createDirectories(venv.getParent());
        Files.createSymbolicLink(venv, target);
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        assertFalse(note.madeFolder());
        halfAVenv(target);
        HalfMadeVenvs.Ours ours = assertInstanceOf(HalfMadeVenvs.Ours.class, halfMade.check(venv));
        halfMade.remove(ours.note());
        assertTrue(Files.isSymbolicLink(venv), "the user's symlink stays");
        assertTrue(Files.isDirectory(target), "the folder it points to stays");
        try (var left = Files.list(target)) {
            assertEquals(0, left.count(), "what safepip made behind it is gone");
        }
    }

    @Test
    void anEmptyFolderTheUserMadeIsEmptiedNotRemoved() throws IOException {
        Files.createDirectories(venv);
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        assertFalse(note.madeFolder());
        halfAVenv(venv);
        halfMade.remove(note);
        assertTrue(Files.isDirectory(venv));
    }

    @Test
    void aFinishedVenvKeepsNoTokenAndNoNote() throws IOException {
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        halfAVenv(venv);
        halfMade.finished(note);
        assertFalse(Files.exists(venv.resolve(HalfMadeVenvs.TOKEN_FILE)));
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv));
    }

    @Test
    void aForgedTokenFileThatIsASymlinkProvesNothing() throws IOException {
        HalfMadeVenvs.Note note = halfMade.starting(venv);
        Path copy = Files.copy(venv.resolve(HalfMadeVenvs.TOKEN_FILE), tmp.resolve("token-copy"));
        deleteTree(venv);
        Files.createDirectories(venv);
        Files.createSymbolicLink(venv.resolve(HalfMadeVenvs.TOKEN_FILE), copy);
        Files.writeString(venv.resolve("pyvenv.cfg"), "", StandardCharsets.UTF_8);
        assertInstanceOf(HalfMadeVenvs.Nothing.class, halfMade.check(venv));
        assertTrue(Files.exists(venv.resolve("pyvenv.cfg")));
        assertEquals(note.venv(), venv.toAbsolutePath().normalize());
    }

    /** What ensurepip puts in a venv of Python 3.11 on Debian 12: pip, setuptools and their helpers. */
    private void withEnsurepipsPackages(Path dir) throws IOException {
        Path site = dir.resolve("lib/python3.11/site-packages");
        for (String folder : new String[] {"pip", "pip-23.0.1.dist-info", "setuptools", "setuptools-66.1.1.dist-info",
                "pkg_resources", "_distutils_hack"}) {
            Files.createDirectories(site.resolve(folder));
            Files.writeString(site.resolve(folder).resolve("__init__.py"), "", StandardCharsets.UTF_8);
        }
        Files.writeString(site.resolve("distutils-precedence.pth"), "", StandardCharsets.UTF_8);
    }

    @Test
    void aHalfMadeVenvWithEnsurepipsPackagesIsOurs() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        withEnsurepipsPackages(venv);
        assertInstanceOf(HalfMadeVenvs.Ours.class, halfMade.check(venv));
    }

    /** Issue 21: Python 3.13's venv writes .gitignore into every venv it makes; that one is the venv's own. */
    @Test
    void theGitignorePython313sVenvWritesIsTheVenvsOwn() throws IOException {
        halfMade.starting(venv);
        Files.writeString(venv.resolve(".gitignore"),
                "# Created by venv; see https://docs.python.org/3/library/venv.html\n*\n", StandardCharsets.UTF_8);
        halfAVenv(venv);
        withEnsurepipsPackages(venv);
        HalfMadeVenvs.Ours ours = assertInstanceOf(HalfMadeVenvs.Ours.class, halfMade.check(venv));
        halfMade.remove(ours.note());
        assertFalse(Files.exists(venv));
    }

    @Test
    void aGitignoreOfAStarAloneIsTheVenvsOwnToo() throws IOException {
        halfMade.starting(venv);
        Files.writeString(venv.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
        halfAVenv(venv);
        assertInstanceOf(HalfMadeVenvs.Ours.class, halfMade.check(venv));
    }

    @Test
    void aGitignoreWithTheUsersLinesIsKept() throws IOException {
        for (String text : new String[] {"*\n!notes.txt\n", "*.pyc\n", "# mine\n*\n", "",
                "# Created by venv; see https://docs.python.org/3/library/venv.html\n*\nbuild/\n"}) {
            halfMade.starting(venv);
            Files.writeString(venv.resolve(".gitignore"), text, StandardCharsets.UTF_8);
            halfAVenv(venv);
            HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv),
                    text);
            assertTrue(changed.why().contains(".gitignore"), changed.why());
            deleteTree(venv);
        }
    }

    @Test
    void aGitignoreThatIsASymlinkIsNotTheVenvs() throws IOException {
        halfMade.starting(venv);
        Path elsewhere = Files.writeString(tmp.resolve("gitignore"), "*\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(venv.resolve(".gitignore"), elsewhere);
        halfAVenv(venv);
        assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
    }

    /**
     * Issue 20: after a crash, `python -m venv` again in place (no --clear) keeps the token; the user then installs a
     * package with the venv's pip. That venv is theirs, however soon safepip runs next.
     */
    @Test
    void aPackageSafepipDidNotInstallKeepsTheVenv() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        withEnsurepipsPackages(venv);
        Path site = venv.resolve("lib/python3.11/site-packages");
        Files.createDirectories(site.resolve("toml-0.10.2.dist-info"));
        Files.createDirectories(site.resolve("toml"));
        HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertTrue(changed.why().contains("toml"), changed.why());
        assertTrue(Files.isDirectory(site.resolve("toml")));
    }

    /** A venv made again in place rewrites pyvenv.cfg but keeps the first run's bin/python links. */
    @Test
    void aPyvenvCfgNewerThanWhatTheFirstRunWroteAfterItKeepsTheVenv() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        Files.setLastModifiedTime(venv.resolve("pyvenv.cfg"), FileTime.from(Instant.now().plusSeconds(5)));
        HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertTrue(changed.why().contains("made in it again"), changed.why());
    }

    /**
     * Python 3.13's venv copies bin/Activate.ps1 keeping its source's time, months before the token: a whole venv
     * a JVM killed alone left (its child finished it) is still safepip's, not "made again".
     */
    @Test
    void aFileCopiedWithItsSourcesOldTimeIsNoSignOfASecondRun() throws IOException {
        halfMade.starting(venv);
        halfAVenv(venv);
        Path ps1 = venv.resolve("bin/Activate.ps1");
        Files.writeString(ps1, "<# activate #>\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(ps1, FileTime.from(Instant.now().minus(Duration.ofDays(200))));
        assertInstanceOf(HalfMadeVenvs.Ours.class, halfMade.check(venv));
    }

    /** pyvenv.cfg is the first thing venv writes; written minutes after the token, it is another run's. */
    @Test
    void aPyvenvCfgWrittenLongAfterTheTokenKeepsTheVenv() throws IOException {
        halfMade.starting(venv);
        Files.setLastModifiedTime(venv.resolve(HalfMadeVenvs.TOKEN_FILE),
                FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        halfAVenv(venv);
        HalfMadeVenvs.Changed changed = assertInstanceOf(HalfMadeVenvs.Changed.class, halfMade.check(venv));
        assertTrue(changed.why().contains("pyvenv.cfg"), changed.why());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
