package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistInfoTest {
    @TempDir
    Path tmp;

    @Test
    void metadataFoldersAreFoundByTheirNormalizedProjectOnly() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        for (String name : List.of("Ruamel_YAML-0.18.6.dist-info", "six-1.16.0-py3.11.egg-info", "requests",
                "requests-2.31.0.dist-info.bak", "notes.txt", "zope.interface-6.0.dist-info")) {
            Files.createDirectories(site.resolve(name));
        }
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createDirectories(other.resolve("requests-2.31.0.dist-info"));
        List<Path> dirs = List.of(tmp.resolve("missing"), site, other);

        assertEquals(site.resolve("Ruamel_YAML-0.18.6.dist-info"), DistInfo.find(dirs, "ruamel-yaml"));
        assertEquals(site.resolve("six-1.16.0-py3.11.egg-info"), DistInfo.find(dirs, "six"));
        assertEquals(other.resolve("requests-2.31.0.dist-info"), DistInfo.find(dirs, "requests"));
        assertNull(DistInfo.find(dirs, "notes"));
        assertEquals(Set.of("ruamel-yaml", "six", "requests", "zope-interface"), DistInfo.projects(dirs));
        assertEquals("1.16.0", DistInfo.version(site.resolve("six-1.16.0-py3.11.egg-info")));
    }

    @Test
    void aVenvsSiteFoldersAreUnderEachOfItsPythonFolders() throws IOException {
        Path venv = tmp.resolve("venv");
        Files.createDirectories(venv.resolve("lib/python3.11/site-packages"));
        Files.createDirectories(venv.resolve("lib/python3.12"));
        Files.createDirectories(venv.resolve("lib/pkgconfig"));
        assertEquals(Set.of(venv.resolve("lib/python3.11/site-packages"), venv.resolve("lib/python3.12/site-packages")),
                Set.copyOf(DistInfo.venvSiteDirs(venv)));
        assertEquals(List.of(), DistInfo.venvSiteDirs(tmp.resolve("no-venv")));
    }
}
