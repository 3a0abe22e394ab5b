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

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
