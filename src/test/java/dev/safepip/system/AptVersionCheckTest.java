package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.pip.Requirement;
import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The specifiers are judged by /usr/bin/python3's pip against whatever python3-requests this system's apt offers
 * (2.28.1 on Debian 12, 2.32.3 on Debian 13): the expected answers are made from the version apt-cache gives.
 */
class AptVersionCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void specifiersAreJudgedByPipsPackagingInOneProcess() {
        Path aptCache = new SearchPath(System.getenv("PATH")).find("apt-cache");
        assumeTrue(aptCache != null, "apt-cache is not on PATH: not a Debian-like system");
        Prerequisites.pythonModule("pip", "python3-pip");
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        String v = candidate(aptCache);
        String[] parts = v.split("\\.");
        int major = Integer.parseInt(parts[0]);
        String mm = parts[0] + "." + parts[1];
        String nextMinor = parts[0] + "." + (Integer.parseInt(parts[1]) + 1);
        String[] texts = {"requests>=" + major, "requests>=99", "requests==" + mm + ".*", "requests~=" + mm,
            "requests!=" + v, "requests==" + v, "requests<" + mm, "requests[socks]>=" + major + ",<" + (major + 1),
            "requests~=" + nextMinor, "requests==" + major + ".*", "requests (>=" + major + ".0)", "requests",
            "requests>=" + major + "; python_version >= '3'", "requests>=not-a-version"};
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
            assertEquals(v, pkg.version());
        }
        assertAll(
                () -> assertNull(found.get(0).problem()),
                () -> assertEquals("python3-requests is " + v + ", which does not satisfy >=99", found.get(1).problem()),
                () -> assertNull(found.get(2).problem()),
                () -> assertNull(found.get(3).problem()),
                () -> assertEquals("python3-requests is " + v + ", which does not satisfy !=" + v,
                        found.get(4).problem()),
                () -> assertNull(found.get(5).problem()),
                () -> assertEquals("python3-requests is " + v + ", which does not satisfy <" + mm,
                        found.get(6).problem()),
                () -> assertNull(found.get(7).problem()),
                () -> assertEquals("python3-requests is " + v + ", which does not satisfy ~=" + nextMinor,
                        found.get(8).problem()),
                () -> assertNull(found.get(9).problem()),
                () -> assertNull(found.get(10).problem()),
                () -> assertNull(found.get(11).problem()),
                () -> assertNull(found.get(12).problem()),
                () -> assertEquals(">=not-a-version is not a valid version specifier", found.get(13).problem()));
        assertTrue(found.get(0).offered());
    }

    /** apt's candidate for python3-requests, asked of apt-cache itself, without epoch, revision or +dfsg. */
    private static String candidate(Path aptCache) {
        try {
            Process process = new ProcessBuilder(aptCache.toString(), "policy", "python3-requests")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            for (String line : out.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("Candidate:")) {
                    String version = trimmed.substring("Candidate:".length()).strip();
                    version = version.substring(version.indexOf(':') + 1);
                    int cut = version.length();
                    for (char c : new char[] {'-', '+', '~'}) {
                        int at = version.indexOf(c);
                        if (at >= 0) {
                            cut = Math.min(cut, at);
                        }
                    }
                    version = version.substring(0, cut);
                    assumeTrue(version.matches("\\d+\\.\\d+(\\.\\d+)*"), "apt offers no python3-requests: " + out);
                    return version;
                }
            }
            throw new AssertionError("apt-cache policy python3-requests said no candidate: " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
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
        assertEquals("cannot check python3-requests " + candidate(aptCache)
                + " against >=2: no Python to check versions with",
                pkg.problem());
    }
}
