package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.pip.Requirement;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Against this machine's apt lists (Debian 12): apt-cache and apt-get -s only, nothing is installed. */
class AptResolveTest {
    /** PyPI name as users type it, and the Debian 12 package that ships it. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "beautifulsoup4", "python3-bs4", "PyYAML", "python3-yaml", "Pillow", "python3-pil",
            "attrs", "python3-attr", "PyJWT", "python3-jwt", "pyserial", "python3-serial",
            "scikit-learn", "python3-sklearn", "requests", "python3-requests", "setuptools", "python3-setuptools",
            "numpy", "python3-numpy", "lxml", "python3-lxml", "Jinja2", "python3-jinja2",
            "click", "python3-click", "Flask", "python3-flask", "Django", "python3-django",
            "cryptography", "python3-cryptography", "python-dateutil", "python3-dateutil", "six", "python3-six",
            "urllib3", "python3-urllib3", "certifi", "python3-certifi", "idna", "python3-idna",
            "MarkupSafe", "python3-markupsafe", "Werkzeug", "python3-werkzeug", "pytest", "python3-pytest",
            "pandas", "python3-pandas", "scipy", "python3-scipy", "matplotlib", "python3-matplotlib",
            "psutil", "python3-psutil", "paramiko", "python3-paramiko", "pyOpenSSL", "python3-openssl",
            "psycopg2", "python3-psycopg2", "SQLAlchemy", "python3-sqlalchemy", "Pygments", "python3-pygments",
            "toml", "python3-toml", "packaging", "python3-packaging", "wheel", "python3-wheel",
            "httpx", "python3-httpx", "aiohttp", "python3-aiohttp", "redis", "python3-redis",
            "ruamel.yaml", "python3-ruamel.yaml", "zope.interface", "python3-zope.interface",
            "typing_extensions", "python3-typing-extensions", "pycryptodomex", "python3-pycryptodome",
            "PyGObject", "python3-gi", "dbus-python", "python3-dbus", "pyzmq", "python3-zmq",
            "pytz", "python3-tz", "black", "black", "httpie", "httpie",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            EXPECTED.put(pairs[i], pairs[i + 1]);
        }
    }

    private static Path aptCache;

    @BeforeAll
    static void needsApt() {
        aptCache = new SearchPath(System.getenv("PATH")).find("apt-cache");
        assumeTrue(aptCache != null, "apt-cache is not on PATH");
    }

    private static List<Requirement> requirements(Iterable<String> texts) {
        List<Requirement> list = new ArrayList<>();
        for (String text : texts) {
            list.add(Requirement.parse(text));
        }
        return list;
    }

    @Test
    void commonNamesInOneAptProcess() throws IOException {
        assertTrue(EXPECTED.size() >= 40);
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        List<SystemPackage> found = apt.resolve(requirements(EXPECTED.keySet()), Path.of("/usr/bin/python3"));

        assertEquals(1, helper.started.size(), "processes: " + helper.started);
        List<Executable> checks = new ArrayList<>();
        Map<String, String> candidates = policyCandidates(EXPECTED.values());
        int i = 0;
        for (Map.Entry<String, String> expected : EXPECTED.entrySet()) {
            SystemPackage pkg = found.get(i++);
            checks.add(() -> {
                assertEquals(expected.getKey(), pkg.name());
                assertEquals(expected.getValue(), pkg.packageName(), pkg.toString());
                assertNull(pkg.problem(), pkg.toString());
                assertNotNull(pkg.version(), pkg.toString());
                // apt-cache policy, asked separately, has a candidate for it, and it is the one reported.
                String candidate = candidates.get(pkg.packageName());
                assertNotNull(candidate, pkg.packageName() + " has no candidate in apt-cache policy");
                assertEquals(DebianVersion.upstream(candidate), pkg.version());
            });
        }
        assertAll(checks);
    }

    @Test
    void theInstallCommandSimulatesCleanly() throws IOException {
        Apt apt = new Apt(aptCache, CommandStarter.captured(System.getenv()), DebianPackageMap.bundled());
        List<String> packages = new ArrayList<>();
        for (SystemPackage pkg : apt.resolve(requirements(EXPECTED.keySet()), null)) {
            packages.add(pkg.packageName());
        }
        List<String> command = new ArrayList<>(apt.installCommand(packages, true));
        assertEquals(List.of("apt-get", "install"), command.subList(0, 2));
        command.add(1, "-s");
        CapturedCommand.Result simulated = CommandStarter.captured(System.getenv()).run(command, Duration.ofMinutes(2));
        assertEquals(0, simulated.exit(), simulated.stderr());
        String out = simulated.stdout();
        assertTrue(out.contains("Inst python3-bs4 ") || out.contains("python3-bs4 is already"), out);
    }

    @Test
    void trapsAndMisses() {
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        List<SystemPackage> found = apt.resolve(requirements(List.of("pycryptodome", "jwt",
                "no-such-project-for-safepip", "./local/pkg", "Scikit_Learn", "dogpile.cache")), null);
        assertEquals(1, helper.started.size());
        assertAll(
                () -> assertNull(found.get(0).packageName()),
                () -> assertEquals("python3-pycryptodome is not pycryptodome but another project (pycryptodomex)",
                        found.get(0).problem()),
                () -> assertEquals("python3-jwt is not jwt but another project (pyjwt)", found.get(1).problem()),
                () -> assertEquals("no Debian package for no-such-project-for-safepip", found.get(2).problem()),
                () -> assertEquals("./local/pkg is not a package name; apt installs packages by name",
                        found.get(3).problem()),
                () -> assertEquals("python3-sklearn", found.get(4).packageName()),
                () -> assertEquals("python3-dogpile.cache", found.get(5).packageName()));
    }

    @Test
    void withoutTheTableNamesAndSourcesStillFindMost() throws IOException {
        // An empty table leaves the two other ways: python3-<name>, and the package built from a source
        // package named after the project.
        Apt apt = new Apt(aptCache, new CountingHelper(), DebianPackageMap.parse(new StringReader("")));
        List<SystemPackage> found = apt.resolve(requirements(List.of("requests", "PyYAML", "beautifulsoup4",
                "Pillow", "scikit-learn", "dogpile.cache", "ruamel.yaml")), null);
        List<String> packages = new ArrayList<>();
        for (SystemPackage pkg : found) {
            packages.add(pkg.packageName() != null ? pkg.packageName() : pkg.problem());
        }
        assertEquals(List.of("python3-requests", "python3-yaml", "python3-bs4", "python3-pil", "python3-sklearn",
                "python3-dogpile.cache", "python3-ruamel.yaml"), packages);
    }

    @Test
    void anAptCacheThatCannotStartIsAProblemForEachRequirement() {
        Apt apt = new Apt(Path.of("/nonexistent/apt-cache"), new CountingHelper(), DebianPackageMap.bundled());
        List<SystemPackage> found = apt.resolve(requirements(List.of("requests", "numpy")), null);
        assertEquals(2, found.size());
        for (SystemPackage pkg : found) {
            assertFalse(pkg.offered());
            assertTrue(pkg.problem().startsWith("apt-cache could not be started: "), pkg.problem());
        }
        Apt none = new Apt(null, System.getenv());
        assertFalse(none.canCheckVersions());
        assertEquals("apt-cache is not on PATH",
                none.resolve(requirements(List.of("requests")), null).get(0).problem());
    }

    @Test
    void packageForNeedsNoProcess() {
        CountingHelper helper = new CountingHelper();
        Apt apt = new Apt(aptCache, helper, DebianPackageMap.bundled());
        assertEquals("python3-bs4", apt.packageFor("beautifulsoup4"));
        assertEquals("python3-setuptools", apt.packageFor("setuptools"));
        assertEquals("python3-some-new-thing", apt.packageFor("Some_New.Thing"));
        assertNull(apt.packageFor("pycryptodome"));
        assertEquals(0, helper.started.size());
    }

    /** Candidate lines of one `apt-cache policy` for all packages: the independent check the route relies on. */
    private static Map<String, String> policyCandidates(Iterable<String> packages) throws IOException {
        List<String> argv = new ArrayList<>(List.of(aptCache.toString(), "policy"));
        for (String pkg : packages) {
            argv.add(pkg);
        }
        CapturedCommand.Result result = CommandStarter.captured(System.getenv()).run(argv, Duration.ofMinutes(1));
        assertEquals(0, result.exit(), result.stderr());
        Map<String, String> candidates = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^(\\S+):\\n\\s+Installed: .*\\n\\s+Candidate: (\\S+)")
                .matcher(result.stdout());
        while (m.find()) {
            if (!m.group(2).equals("(none)")) {
                candidates.put(m.group(1), m.group(2));
            }
        }
        return candidates;
    }
}
