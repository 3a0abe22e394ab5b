package dev.safepip.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipx's answer is kept for the next blocked install, and asked again whenever pipx or anything it reads may have
 * changed it; a cache in a folder others may write to is never believed.
 */
class PipxAnswersTest {
    @TempDir
    Path tmp;

    @Test
    void pipxIsAskedOnceThenAgainWhenItsFileItsVariablesOrItsFoldersChange() throws IOException {
        Path count = tmp.resolve("asked");
        Path pipx = tmp.resolve("bin/pipx");
        Files.createDirectories(pipx.getParent());
        Files.writeString(pipx, "#!/bin/sh\necho x >> '" + count + "'\n"
                + "echo PIPX_HOME=\"$HOME/pipx-from-pipx\"\necho PIPX_BIN_DIR=\"$HOME/bin-from-pipx\"\n");
        assertEquals(true, pipx.toFile().setExecutable(true));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path cache = tmp.resolve("cache/safepip");
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()));

        PipxEnvironment first = PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(home.resolve("pipx-from-pipx"), first.home());
        assertEquals(home.resolve("bin-from-pipx"), first.bin());
        assertEquals(first, PipxEnvironment.of(pipx, env, home, false, cache));
        assertEquals(1, asked(count), "the second answer came from the cache");

        env.put("XDG_DATA_HOME", tmp.resolve("data").toString());
        assertEquals(first, PipxEnvironment.of(pipx, env, home, false, cache));
        assertEquals(2, asked(count), "a variable pipx reads changed");
        assertEquals(first, PipxEnvironment.of(pipx, env, home, false, cache));
        assertEquals(2, asked(count));

        Files.createDirectories(home.resolve(".local/pipx"));
        PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(3, asked(count), "pipx's old default folder appeared");

        Files.setLastModifiedTime(pipx, FileTime.from(Instant.now().minusSeconds(3600)));
        PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(4, asked(count), "pipx itself changed");
        PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(4, asked(count));

        // A variable given wins over any kept answer; the other value is still pipx's.
        env.put("PIPX_BIN_DIR", tmp.resolve("mine").toString());
        PipxEnvironment given = PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(tmp.resolve("mine"), given.bin());
        assertEquals(home.resolve("pipx-from-pipx"), given.home());
        env.remove("PIPX_BIN_DIR");

        // Others could have written the answer: it is not believed (pipx is asked, and nothing is kept there).
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        int before = asked(count);
        PipxEnvironment.of(pipx, env, home, false, cache);
        PipxEnvironment.of(pipx, env, home, false, cache);
        assertEquals(before + 2, asked(count));
    }

    @Test
    void withoutACacheFolderPipxIsAskedEveryTime() throws IOException {
        Path count = tmp.resolve("asked");
        Path pipx = tmp.resolve("pipx");
        Files.writeString(pipx, "#!/bin/sh\necho x >> '" + count + "'\necho PIPX_HOME=/p\necho PIPX_BIN_DIR=/b\n");
        assertEquals(true, pipx.toFile().setExecutable(true));
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
        PipxEnvironment.of(pipx, env, tmp, false);
        PipxEnvironment.of(pipx, env, tmp, false);
        assertEquals(2, asked(count));
    }

    private static int asked(Path count) throws IOException {
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }
}
