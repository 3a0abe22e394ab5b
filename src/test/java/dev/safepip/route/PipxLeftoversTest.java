package dev.safepip.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a half-made environment a noted safepip run left, unchanged since, is safepip's to repair. */
class PipxLeftoversTest {
    @TempDir
    Path tmp;

    private Path halfMade() throws IOException {
        Path venv = tmp.resolve("pipx/venvs/app");
        Files.createDirectories(venv.resolve("lib/python3.11/site-packages"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
        return venv;
    }

    @Test
    void aNotedRunsHalfMadeEnvironmentIsOursAndItsFolderMayGo() throws IOException {
        PipxLeftovers leftovers = new PipxLeftovers(tmp.resolve("state"));
        Path venv = tmp.resolve("pipx/venvs/app");
        leftovers.starting(venv, "app");
        halfMade();
        PipxLeftovers.Leftover found = leftovers.check(venv, "app", null);
        PipxLeftovers.Ours ours = assertInstanceOf(PipxLeftovers.Ours.class, found);
        assertTrue(leftovers.removeFolder(ours.note()));
        assertFalse(Files.exists(venv));
        assertInstanceOf(PipxLeftovers.Fine.class, leftovers.check(venv, "app", null));
    }

    @Test
    void withoutANoteOrWithFilesPipxDoesNotMakeItIsNotOurs() throws IOException {
        PipxLeftovers leftovers = new PipxLeftovers(tmp.resolve("state"));
        Path venv = halfMade();
        assertInstanceOf(PipxLeftovers.NotOurs.class, leftovers.check(venv, "app", null));

        PipxLeftovers.Note before = leftovers.starting(venv, "app");
        assertFalse(before.wasAbsent());
        PipxLeftovers.Leftover existed = leftovers.check(venv, "app", null);
        PipxLeftovers.Ours ours = assertInstanceOf(PipxLeftovers.Ours.class, existed);
        assertFalse(leftovers.removeFolder(ours.note()), "a folder that was there before is never removed");

        Files.writeString(venv.resolve("notes.txt"), "mine");
        assertInstanceOf(PipxLeftovers.NotOurs.class, leftovers.check(venv, "app", null));
    }

    /** pipx on Python 3.13 makes its environments with a venv that writes its own .gitignore: still pipx's. */
    @Test
    void theGitignorePython313sVenvWritesIsPartOfWhatPipxMakes() throws IOException {
        PipxLeftovers leftovers = new PipxLeftovers(tmp.resolve("state"));
        Path venv = tmp.resolve("pipx/venvs/app");
        leftovers.starting(venv, "app");
        halfMade();
        Files.writeString(venv.resolve(".gitignore"),
                "# Created by venv; see https://docs.python.org/3/library/venv.html\n*\n");
        assertInstanceOf(PipxLeftovers.Ours.class, leftovers.check(venv, "app", null));

        Files.writeString(venv.resolve(".gitignore"), "*\n!keep-this\n");
        assertInstanceOf(PipxLeftovers.NotOurs.class, leftovers.check(venv, "app", null));
    }
}
