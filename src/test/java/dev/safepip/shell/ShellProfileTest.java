package dev.safepip.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.Ownership;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellProfileTest {
    @TempDir
    Path home;

    @Test
    void theInitLineIsFoundByNameOrPathAndNotInAComment() {
        assertEquals(25, ShellProfile.initEnd("eval \"$(safepip init bash)\"", "bash"));
        assertTrue(ShellProfile.initEnd("eval \"$(/opt/x/safepip init bash)\"", "bash") > 0);
        assertEquals(-1, ShellProfile.initEnd("eval \"$(notsafepip init bash)\"", "bash"));
        assertEquals(-1, ShellProfile.initEnd("eval \"$(safepip init bashful)\"", "bash"));
        assertNull(ShellProfile.scan(home, "bash", "# eval \"$(safepip init bash)\"\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pathGoesAfterTheShellsNameForEachShell() throws IOException {
        Files.createDirectories(home.resolve(".config/fish"));
        Files.writeString(home.resolve(".config/fish/config.fish"), "set x 1\nsafepip init fish | source\n");
        ShellProfile.Found fish = ShellProfile.find(home, Map.of(), "fish");
        assertNotNull(fish);
        assertEquals("safepip init fish --path | source", fish.lineWithPath());
        Files.writeString(home.resolve(".zshrc"), "eval \"$(safepip init zsh --path)\"\n");
        assertTrue(ShellProfile.find(home, Map.of(), "zsh").hasPath());
    }

    /** Attack: the profile replaced by a link between the question and the write is refused, never followed. */
    @Test
    void aProfileSwappedForALinkAfterItWasReadIsRefused() throws IOException {
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "eval \"$(safepip init bash)\"\n");
        ShellProfile.Found found = ShellProfile.find(home, Map.of(), "bash");
        Path elsewhere = home.resolve("elsewhere");
        Files.writeString(elsewhere, "eval \"$(safepip init bash)\"\n");
        Files.delete(bashrc);
        Files.createSymbolicLink(bashrc, elsewhere);
        assertThrows(StateFiles.Refused.class, () -> ShellProfile.addPath(found, Ownership.ofThisProcess()));
        assertTrue(Files.isSymbolicLink(bashrc));
        assertEquals("eval \"$(safepip init bash)\"\n", Files.readString(elsewhere));
    }

    @Test
    void aProfileChangedSinceItWasReadIsRefused() throws IOException {
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "eval \"$(safepip init bash)\"\n");
        ShellProfile.Found found = ShellProfile.find(home, Map.of(), "bash");
        Files.writeString(bashrc, "eval \"$(safepip init bash)\"\nexport MORE=1\n");
        assertThrows(StateFiles.Refused.class, () -> ShellProfile.addPath(found, Ownership.ofThisProcess()));
        assertEquals("eval \"$(safepip init bash)\"\nexport MORE=1\n", Files.readString(bashrc));
    }
}
