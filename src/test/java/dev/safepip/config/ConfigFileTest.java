package dev.safepip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.SafepipException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file that is not a small regular file is one clear error, never a hang or an unbounded read. */
class ConfigFileTest {
    @TempDir
    Path tmp;

    private SafepipException refused(Path path) {
        SafepipException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SafepipException.class, () -> ConfigFile.read(path)));
        assertEquals(ExitCodes.USAGE, e.exitCode(), e.getMessage());
        return e;
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = tmp.resolve("config");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        assertTrue(refused(fifo).getMessage().contains("not a regular file"));
    }

    @Test
    void aSymlinkToADeviceIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("config"), Path.of("/dev/zero"));
        assertTrue(refused(link).getMessage().contains("not a regular file"));
    }

    @Test
    void aFolderIsRefused() throws IOException {
        assertTrue(refused(Files.createDirectory(tmp.resolve("config"))).getMessage().contains("not a regular"));
    }

    @Test
    void aHugeFileIsRefusedAfterReadingOnlyItsCap() throws IOException {
        Path big = tmp.resolve("config");
        Files.writeString(big, "# " + "x".repeat(ConfigFile.MAX_BYTES) + "\nvia = venv\n", StandardCharsets.UTF_8);
        assertTrue(refused(big).getMessage().contains("larger than"));
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        Path file = tmp.resolve("config");
        Files.writeString(file, "via = venv\n# later\nvia = pipx\n", StandardCharsets.UTF_8);
        SafepipException e = refused(file);
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aSymlinkToARegularFileIsRead() throws IOException {
        Path real = Files.writeString(tmp.resolve("dotfiles-config"), "via = venv\n", StandardCharsets.UTF_8);
        Path link = Files.createSymbolicLink(tmp.resolve("config"), real);
        assertEquals("venv", ConfigFile.read(link).get("via").value());
    }

    @Test
    void anAbsentFileIsEmpty() {
        assertEquals(null, ConfigFile.read(tmp.resolve("none")).get("via"));
    }
}
