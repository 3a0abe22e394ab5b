package dev.safepip.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.StateFiles;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerRecord;
import dev.safepip.rescue.RescueRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack on a state folder: a link planted where safepip writes (the half-made note, the ledger, the lock, the
 * rescue records) would have root overwrite or append to the file it points at. Nothing is written through it, and
 * what is refused names the link.
 */
class PlantedLinksTest {
    @TempDir
    Path tmp;

    Path state;
    Path victim;

    @BeforeEach
    void setUp() throws IOException {
        state = StateFiles.forThisProcess().folder(tmp.resolve("state/safepip"));
        victim = Files.writeString(tmp.resolve("victim"), "root's own file\n");
    }

    @Test
    void aLinkAtTheHalfMadeNoteIsNotWrittenThrough() throws IOException {
        Path venv = tmp.resolve("project/.venv");
        Path note = Files.createDirectories(state.resolve("creating")).resolve(StateLock.pathKey(venv));
        Files.createSymbolicLink(note, victim);
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class,
                () -> new HalfMadeVenvs(state).starting(venv));
        assertTrue(refused.getMessage().contains(note.toString()), refused.getMessage());
        assertUnchanged();
    }

    @Test
    void aLinkAtTheVenvTokenIsReplacedNotWrittenThrough() throws IOException {
        Path venv = Files.createDirectories(tmp.resolve("project/.venv"));
        Files.createSymbolicLink(venv.resolve(HalfMadeVenvs.TOKEN_FILE), victim);
        HalfMadeVenvs.Note note = new HalfMadeVenvs(state).starting(venv);
        assertUnchanged();
        assertEquals(note.token() + "\n", Files.readString(venv.resolve(HalfMadeVenvs.TOKEN_FILE)));
    }

    @Test
    void aLinkAtTheLedgerIsNotAppendedTo() throws IOException {
        Path ledger = Files.createSymbolicLink(state.resolve("ledger.jsonl"), victim);
        LedgerRecord record = new LedgerRecord(Instant.now(), "install", List.of("six"), List.of("six"), "venv",
                "/tmp/venv", "/usr/bin/python3", List.of("/tmp/venv/bin/pip", "install", "six"), 0);
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class, () -> new Ledger(state).append(record));
        assertTrue(refused.getMessage().contains(ledger.toString()), refused.getMessage());
        assertUnchanged();
    }

    @Test
    void aLinkAtTheLockFileIsNotOpened() throws IOException {
        Path venv = tmp.resolve("venv");
        Path lock = Files.createDirectories(state.resolve("locks")).resolve(StateLock.key(venv) + ".lock");
        Files.createSymbolicLink(lock, victim);
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class,
                () -> StateLock.acquire(state, venv, message -> { }));
        assertTrue(refused.getMessage().contains(lock.toString()), refused.getMessage());
        assertUnchanged();
    }

    @Test
    void aLinkAtTheChildNoteIsNotWrittenThrough() throws IOException {
        Path venv = tmp.resolve("venv");
        Path child = Files.createDirectories(state.resolve("locks")).resolve(StateLock.key(venv) + ".child");
        try (StateLock lock = StateLock.acquire(state, venv, message -> { })) {
            Files.createSymbolicLink(child, victim);
            lock.started(ProcessHandle.current());
        }
        assertUnchanged();
    }

    @Test
    void aLinkAtTheRescueRecordsIsNotAppendedTo() throws IOException {
        Files.createSymbolicLink(state.resolve("rescued.jsonl"), victim);
        RescueRecords.Entry entry = new RescueRecords.Entry("rescue", "six", "six", "1.0", "/usr/lib/python3/dist",
                "SYSTEM", true, "venv", "/tmp/venv", "/usr/bin/python3");
        assertThrows(StateFiles.Refused.class, () -> new RescueRecords(state).append(entry));
        assertUnchanged();
    }

    @Test
    void oneLockForOnePlaceWhateverPathLeadsThere() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("data/safepip/venv"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path dotVenv = Files.createSymbolicLink(project.resolve(".venv"), real);
        assertEquals(StateLock.key(real), StateLock.key(dotVenv));
        // Not made yet: the nearest folder that is there is resolved, so the name is the same before and after.
        Path linkedData = Files.createSymbolicLink(tmp.resolve("data-link"), tmp.resolve("data"));
        assertEquals(StateLock.key(tmp.resolve("data/safepip/other")),
                StateLock.key(linkedData.resolve("safepip/other")));
    }

    private void assertUnchanged() throws IOException {
        assertEquals("root's own file\n", Files.readString(victim), "a file was written through a planted link");
    }
}
