package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safepip's own folders: made 0700, refused when others may write to them, and never written through a link. */
class StateFilesTest {
    @TempDir
    Path tmp;

    final StateFiles files = StateFiles.forThisProcess();

    @Test
    void everyFolderItMakesIsItsUsersAlone() throws IOException {
        Path state = tmp.resolve("home/.local/state/safepip");
        files.folder(state);
        for (Path dir = state; !dir.equals(tmp); dir = dir.getParent()) {
            assertEquals("rwx------", mode(dir), dir.toString());
        }
    }

    @Test
    void aFolderEverybodyMayWriteToIsRefusedWithThePathAndTheFix() throws IOException {
        Path state = Files.createDirectories(tmp.resolve("state/safepip"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class, () -> files.folder(state));
        assertTrue(refused.getMessage().contains(state.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("everybody may write"), refused.getMessage());
        assertTrue(refused.fix().contains("chmod go-w"), refused.fix());
        assertThrows(StateFiles.Refused.class, () -> files.writeWhole(state.resolve("note"), new byte[1]));
        assertFalse(Files.exists(state.resolve("note")));
    }

    @Test
    void aFolderAboveThatOthersMayWriteToIsRefusedToo() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("xdg-state"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path state = Files.createDirectories(parent.resolve("safepip"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class, () -> files.folder(state));
        assertTrue(refused.getMessage().contains(parent.toString()), refused.getMessage());
        // Not yet made: the nearest folder that is there is judged, and refused, before anything is made.
        assertThrows(StateFiles.Refused.class, () -> files.checkFolder(parent.resolve("other/safepip")));
        assertFalse(Files.exists(parent.resolve("other")));
    }

    @Test
    void aWholeWriteReplacesNothingThroughALink() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
        Path dir = files.folder(tmp.resolve("state"));
        Path note = Files.createSymbolicLink(dir.resolve("note"), victim);
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class,
                () -> files.writeWhole(note, "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertEquals("precious\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(note));

        Path fresh = dir.resolve("fresh");
        files.writeWhole(fresh, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(fresh));
        assertEquals("rw-------", mode(fresh));
    }

    @Test
    void anOpenNeverFollowsALink() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
        Path dir = files.folder(tmp.resolve("state"));
        Path ledger = Files.createSymbolicLink(dir.resolve("ledger.jsonl"), victim);
        assertThrows(StateFiles.Refused.class, () -> files.open(ledger, StandardOpenOption.APPEND));
        assertEquals("precious\n", Files.readString(victim));
        Path fifo = dir.resolve("fifo");
        Files.createDirectory(fifo);
        assertThrows(StateFiles.Refused.class, () -> files.open(fifo, StandardOpenOption.APPEND));
        try (FileChannel channel = files.open(dir.resolve("new.jsonl"), StandardOpenOption.APPEND)) {
            assertTrue(channel.isOpen());
        }
        assertEquals("rw-------", mode(dir.resolve("new.jsonl")));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
