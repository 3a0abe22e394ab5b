package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AptCacheTest {

    @Test
    void recordsGiveTheirPackageSourceAndVersion() {
        Map<String, AptCache.Entry> entries = AptCache.parse("""
                Package: python3-yaml
                Source: pyyaml (6.0-3)
                Version: 6.0-3+b2
                Description-en: YAML parser and emitter for Python3
                 Package: not a field, a description line
                 .
                 Version: neither

                Package: python3-requests
                Source: requests
                Version: 2.28.1+dfsg-1

                Package: python3-requests
                Version: 0.1-1

                Package: black
                Version: 23.1.0-1
                """);
        assertEquals(List.of("python3-yaml", "python3-requests", "black"), List.copyOf(entries.keySet()));
        assertEquals(new AptCache.Entry("python3-yaml", "pyyaml", "6.0-3+b2"), entries.get("python3-yaml"));
        assertEquals("2.28.1+dfsg-1", entries.get("python3-requests").version());
        // No Source field: the source package has the binary's name.
        assertEquals("black", entries.get("black").source());
    }

    @Test
    void oneSourcePatternForAllNames() {
        assertEquals("?source-package(\"^(python3?-)?(requests|dogpile[-.]cache)$\")",
                AptCache.sourcePattern(List.of("requests", "dogpile-cache")));
    }

    @Test
    void unknownNamesAreMissingNotAnErrorButOtherFailuresAre() throws IOException {
        CommandStarter noneFound = (argv, timeout) -> new CapturedCommand.Result(100, "", "E: No packages found\n", false);
        assertEquals(Map.of(), new AptCache(Path.of("apt-cache"), noneFound, null).show(List.of("python3-zz"), List.of()));

        CommandStarter broken = (argv, timeout) -> new CapturedCommand.Result(100, "",
                "E: The package lists or status file could not be parsed or opened.\n", false);
        IOException e = assertThrows(IOException.class,
                () -> new AptCache(Path.of("apt-cache"), broken, null).show(List.of("python3-zz"), List.of()));
        assertTrue(e.getMessage().endsWith("could not be parsed or opened."), e.getMessage());

        CommandStarter slow = (argv, timeout) -> new CapturedCommand.Result(143, "", "", true);
        assertThrows(IOException.class,
                () -> new AptCache(Path.of("apt-cache"), slow, null).show(List.of("python3-zz"), List.of()));
    }

    @Test
    void nothingToAskNoProcess() throws IOException {
        CountingHelper helper = new CountingHelper();
        assertEquals(Map.of(), new AptCache(Path.of("apt-cache"), helper, null).show(List.of(), List.of()));
        assertEquals(0, helper.started.size());
    }

    @Test
    void theArgvEndsOptionsBeforeTheNames() throws IOException {
        List<List<String>> seen = new ArrayList<>();
        CommandStarter recording = (argv, timeout) -> {
            seen.add(argv);
            return new CapturedCommand.Result(0, "", "", false);
        };
        new AptCache(Path.of("/usr/bin/apt-cache"), recording, null).show(List.of("python3-a", "python3-b"),
                List.of("a"));
        assertEquals(List.of(List.of("/usr/bin/apt-cache", "show", "--no-all-versions", "--", "python3-a",
                "python3-b", "?source-package(\"^(python3?-)?(a)$\")")), seen);
    }

    @Test
    void withoutTheSystemsPackageCacheAptKeepsOneInSafepipsCache(@TempDir Path tmp) throws IOException {
        List<List<String>> seen = new ArrayList<>();
        CommandStarter recording = (argv, timeout) -> {
            seen.add(argv);
            return new CapturedCommand.Result(0, "", "", false);
        };
        Path own = tmp.resolve("cache/safepip/apt/pkgcache.bin");
        Path system = Files.createFile(tmp.resolve("pkgcache.bin"));
        new AptCache(Path.of("/usr/bin/apt-cache"), recording, own, system).show(List.of("python3-a"), List.of());
        Files.delete(system);
        new AptCache(Path.of("/usr/bin/apt-cache"), recording, own, system).show(List.of("python3-a"), List.of());
        assertEquals(List.of(List.of("/usr/bin/apt-cache", "show", "--no-all-versions", "--", "python3-a"),
                List.of("/usr/bin/apt-cache", "-o", "Dir::Cache::pkgcache=" + own, "-o", "Dir::Cache::srcpkgcache=",
                        "show", "--no-all-versions", "--", "python3-a")), seen);
        assertTrue(Files.isDirectory(own.getParent()));
    }

    /** The real apt-cache: it writes the cache where it is told, and answers the same from it. */
    @Test
    void theRealAptCacheBuildsItsCacheWhereToldAndAnswersTheSame(@TempDir Path tmp) throws IOException {
        Path aptCache = Path.of("/usr/bin/apt-cache");
        Assumptions.assumeTrue(Files.isExecutable(aptCache), "apt-cache: this test needs Debian's apt");
        CommandStarter real = CommandStarter.captured(Map.of("PATH", "/usr/bin:/bin"));
        Path own = tmp.resolve("apt/pkgcache.bin");
        Path none = tmp.resolve("no-system-cache");
        Map<String, AptCache.Entry> plain = new AptCache(aptCache, real, null).show(List.of("python3-yaml"), List.of());
        Map<String, AptCache.Entry> first = new AptCache(aptCache, real, own, none).show(List.of("python3-yaml"),
                List.of());
        // Its size depends on apt's lists (a machine without `apt-get update` has none): that it is there is enough.
        assertTrue(Files.isRegularFile(own), "no package cache written at " + own);
        Map<String, AptCache.Entry> second = new AptCache(aptCache, real, own, none).show(List.of("python3-yaml"),
                List.of());
        assertEquals(plain, first);
        assertEquals(plain, second);
    }
}
