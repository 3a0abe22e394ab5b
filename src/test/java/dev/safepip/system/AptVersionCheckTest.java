package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.pip.Requirement;
import dev.safepip.process.SearchPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debian 12's python3-requests is 2.28.1; the specifiers are judged by /usr/bin/python3's pip. */
class AptVersionCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void specifiersAreJudgedByPipsPackagingInOneProcess() {
        Path aptCache = new SearchPath(System.getenv("PATH")).find("apt-cache");
        assumeTrue(aptCache != null, "apt-cache is not on PATH: not a Debian-like system");
        Prerequisites.pythonModule("pip", "python3-pip");
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        String[] texts = {"requests>=2", "requests>=99", "requests==2.28.*", "requests~=2.28", "requests!=2.28.1",
            "requests==2.28.1", "requests<2.28", "requests[socks]>=2,<3", "requests~=2.29", "requests==2.*",
            "requests (>=2.0)", "requests", "requests>=2; python_version >= '3'", "requests>=not-a-version"};
        List<Requirement> requirements = new ArrayList<>();
        for (String text : texts) {
            requirements.add(Requirement.parse(text));
        }
        List<SystemPackage> found = apt.resolve(requirements, PYTHON);

        // One apt-cache for the 14 requirements, one interpreter for the 13 specifiers.
        assertEquals(1, helper.startedOf("apt-cache"), helper.started.toString());
        assertEquals(1, helper.startedOf("python3"), helper.started.toString());
        assertEquals(2, helper.started.size());
        for (SystemPackage pkg : found) {
            assertEquals("python3-requests", pkg.packageName());
            assertEquals("2.28.1", pkg.version());
        }
        assertAll(
                () -> assertNull(found.get(0).problem()),
                () -> assertEquals("python3-requests is 2.28.1, which does not satisfy >=99", found.get(1).problem()),
                () -> assertNull(found.get(2).problem()),
                () -> assertNull(found.get(3).problem()),
                () -> assertEquals("python3-requests is 2.28.1, which does not satisfy !=2.28.1",
                        found.get(4).problem()),
                () -> assertNull(found.get(5).problem()),
                () -> assertEquals("python3-requests is 2.28.1, which does not satisfy <2.28", found.get(6).problem()),
                () -> assertNull(found.get(7).problem()),
                () -> assertEquals("python3-requests is 2.28.1, which does not satisfy ~=2.29",
                        found.get(8).problem()),
                () -> assertNull(found.get(9).problem()),
                () -> assertNull(found.get(10).problem()),
                () -> assertNull(found.get(11).problem()),
                () -> assertNull(found.get(12).problem()),
                () -> assertEquals(">=not-a-version is not a valid version specifier", found.get(13).problem()));
        assertTrue(found.get(0).offered());
    }

    @Test
    void noSpecifierNoInterpreter() {
        Path aptCache = new SearchPath(System.getenv("PATH")).find("apt-cache");
        assumeTrue(aptCache != null);
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        List<SystemPackage> found = apt.resolve(List.of(Requirement.parse("requests"), Requirement.parse("numpy"),
                Requirement.parse("nothing-like-this-in-debian>=1")), PYTHON);
        assertEquals(1, helper.started.size(), helper.started.toString());
        assertTrue(found.get(0).offered() && found.get(1).offered());
        assertEquals("no Debian package for nothing-like-this-in-debian", found.get(2).problem());
    }

    @Test
    void withoutAnInterpreterSpecifiersCannotBeChecked() {
        Path aptCache = new SearchPath(System.getenv("PATH")).find("apt-cache");
        assumeTrue(aptCache != null);
        Apt apt = new Apt(aptCache, new CountingHelper(), DebianPackageMap.bundled());
        SystemPackage pkg = apt.resolve(List.of(Requirement.parse("requests>=2")), null).get(0);
        assertEquals("cannot check python3-requests 2.28.1 against >=2: no Python to check versions with",
                pkg.problem());
    }
}
