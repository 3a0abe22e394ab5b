package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.StateFiles;
import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apt writes its package cache where safepip tells it, as whoever runs safepip, root too: a link planted at that
 * file, or a cache folder others may write to, must never reach apt.
 */
class AptOwnCacheLinkTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkAtTheOwnCacheFileIsNeverHandedToApt() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "root's own file\n");
        Path own = StateFiles.forThisProcess().folder(tmp.resolve("cache/safepip/apt")).resolve("pkgcache.bin");
        Files.createSymbolicLink(own, victim);
        List<List<String>> seen = new ArrayList<>();
        CommandStarter recording = (argv, timeout) -> {
            seen.add(argv);
            return new CapturedCommand.Result(0, "", "", false);
        };
        StateFiles.Refused refused = assertThrows(StateFiles.Refused.class, () -> new AptCache(
                Path.of("/usr/bin/apt-cache"), recording, own, tmp.resolve("no-system-cache"))
                .show(List.of("python3-a"), List.of()));
        assertTrue(refused.getMessage().contains(own.toString()), refused.getMessage());
        assertEquals(List.of(), seen, "apt was told to write through the link");
        assertEquals("root's own file\n", Files.readString(victim));
    }

    /** The real apt-cache, told to write through a planted link, would overwrite the file it points at. */
    @Test
    void theRealAptCacheWritesNothingThroughAPlantedLink() throws IOException {
        Path aptCache = Path.of("/usr/bin/apt-cache");
        Assumptions.assumeTrue(Files.isExecutable(aptCache), "apt-cache: this test needs Debian's apt");
        Path victim = Files.writeString(tmp.resolve("victim"), "root's own file\n");
        Path cacheDir = Files.createDirectories(tmp.resolve("cache/safepip/apt"));
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path own = Files.createSymbolicLink(cacheDir.resolve("pkgcache.bin"), victim);
        CommandStarter real = CommandStarter.captured(Map.of("PATH", "/usr/bin:/bin"));
        assertThrows(StateFiles.Refused.class, () -> new AptCache(aptCache, real, own, tmp.resolve("none"))
                .show(List.of("python3-yaml"), List.of()));
        assertEquals("root's own file\n", Files.readString(victim));
    }
}
