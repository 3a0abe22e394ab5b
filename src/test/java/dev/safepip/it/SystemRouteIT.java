package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system package route with the real apt. safepip runs as an ordinary user (nobody, through runuser) with a
 * recording `sudo` first on PATH, which proves sudo is called only after an explicit yes; the real install and
 * removal of a small Debian package runs only in CI (tag "system").
 */
class SystemRouteIT {
    /** A small Debian package with no dependencies but python3, not installed on a new machine. */
    static final String PYPI = "termcolor";
    static final String DEBIAN = "python3-termcolor";

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path sudoLog;
    Path bin;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "a Debian-like system");
        sandbox = Sandbox.in(tmp);
        bin = Files.createDirectories(tmp.resolve("bin"));
        sudoLog = tmp.resolve("sudo.log");
        Path sudo = bin.resolve("sudo");
        // Records what it was asked to run, and runs nothing.
        Files.writeString(sudo, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + sudoLog + "'\nexit 0\n");
        sudo.toFile().setExecutable(true, false);
    }

    Map<String, String> env() {
        return TestEnv.withPathFirst(sandbox.env(), bin);
    }

    String sudoCalls() throws IOException {
        return Files.exists(sudoLog) ? Files.readString(sudoLog) : "";
    }

    /** safepip as the user nobody: it is not root, so apt needs sudo. */
    Proc.Result asNobody(Map<String, String> env, String... args) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && "root".equals(System.getProperty("user.name")),
                "running as another user needs root and runuser");
        // An installed copy inside the test's folder: the checkout may sit where nobody cannot read.
        Path launcher = tmp.resolve("installed/bin/safepip");
        if (!Files.exists(launcher)) {
            Files.createDirectories(launcher.getParent());
            Files.createDirectories(tmp.resolve("installed/lib/safepip"));
            Files.copy(Launcher.script(), launcher);
            Files.copy(Launcher.root().resolve("target/safepip.jar"), tmp.resolve("installed/lib/safepip/safepip.jar"));
        }
        openUp(tmp);
        List<String> argv = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/env", "-i"));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.add(launcher.toString());
        argv.addAll(List.of(args));
        return Proc.run(argv, env, tmp, Duration.ofSeconds(120));
    }

    @Test
    void sudoIsNotCalledWithoutAnExplicitYes() throws IOException {
        Proc.Result noTerminal = asNobody(env(), "install", PYPI);
        assertEquals(1, noTerminal.exit(), noTerminal.describe());
        assertTrue(noTerminal.stderr().contains("sudo apt-get install -y " + DEBIAN), noTerminal.describe());
        Proc.Result plan = asNobody(env(), "--plan", "--via=apt", "install", PYPI);
        assertEquals(0, plan.exit(), plan.describe());
        Proc.Result fail = asNobody(env(), "--via=fail", "install", PYPI);
        assertEquals(1, fail.exit(), fail.describe());
        assertEquals("", sudoCalls(), "sudo was never called");
    }

    @Test
    void choosingAptIsTheYesThatRunsSudo() throws IOException {
        Proc.Result chosen = asNobody(env(), "--via=apt", "install", PYPI);
        assertEquals(0, chosen.exit(), chosen.describe());
        // sudo is given apt-get as found in the system's folders, never a bare name (process/ProgramResolver).
        // -y: --via=apt was the yes; apt is not to ask again (without a terminal it would read no answer and abort).
        assertEquals("/usr/bin/apt-get install -y " + DEBIAN + "\n", sudoCalls());
    }

    @Test
    void yesTakesAptOnlyWhenTheUserPrefersSystemPackages() throws IOException {
        Path config = Files.createDirectories(sandbox.testEnv().xdgConfig().resolve("safepip")).resolve("config");
        Files.writeString(config, "prefer = system\n");
        Proc.Result yes = asNobody(env(), "--yes", "install", PYPI + ">=1");
        assertEquals(0, yes.exit(), yes.describe());
        assertTrue(yes.stderr().contains("prefer = system"), yes.describe());
        assertEquals("/usr/bin/apt-get install -y " + DEBIAN + "\n", sudoCalls());
    }

    @Test
    void aVersionAptCannotSatisfyIsNotOffered() throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "--plan", "--via=apt", "install", PYPI + ">=99");
        assertTrue(result.stderr().contains("does not satisfy >=99"), result.describe());
        assertTrue(result.stderr().contains("cannot work here"), result.describe());
    }

    @Test
    void theAptCommandSafepipWouldRunIsOneAptAccepts() {
        Proc.Result plan = Launcher.run(env(), tmp, "--plan", "--via=apt", "install", PYPI);
        String line = plan.stderr().lines().filter(l -> l.contains("apt-get install")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(plan.describe())).strip();
        List<String> words = new ArrayList<>(List.of(line.split(" ")));
        words.remove("sudo");
        words.add(words.indexOf("install"), "-s");
        Proc.Result simulated = Proc.run(words, sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, simulated.exit(), simulated.describe());
        assertTrue(simulated.stdout().contains(DEBIAN), simulated.describe());
    }

    /** Installs and removes a real Debian package: only in CI, never on a developer's machine. */
    @Test
    @Tag("system")
    @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
    void aRealAptInstallAndRemovalInCi() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "CI runs as root");
        assumeFalse(installed(), DEBIAN + " was installed before the test; it is left alone");
        Map<String, String> env = sandbox.env();
        Proc.Result install = Launcher.run(env, tmp, "--via=apt", "--yes", "install", PYPI);
        assertEquals(0, install.exit(), install.describe());
        assertTrue(installed(), install.describe());
        Proc.Result where = Launcher.run(env, tmp, "where", PYPI);
        assertTrue(where.stdout().contains("apt"), where.describe());
        Proc.Result remove = Launcher.run(env, tmp, "--yes", "uninstall", PYPI);
        assertEquals(0, remove.exit(), remove.describe());
        assertTrue(!installed(), remove.describe());
    }

    private boolean installed() {
        Proc.Result status = Proc.run(List.of("/usr/bin/dpkg-query", "-W", "-f=${Status}", DEBIAN),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(30));
        return status.exit() == 0 && status.stdout().contains("install ok installed");
    }

    /**
     * Lets the user nobody into the test's folders (JUnit makes them private to root): the folders above may be
     * entered and read, and what is inside becomes nobody's own. Not mode 0777: safepip rightly refuses a state
     * folder that everybody may write.
     */
    private static void openUp(Path root) throws IOException {
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.toString().equals("/tmp") || dir.getParent() == null) {
                break;
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        int nobody = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0 ? 65534 : -1;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (nobody >= 0) {
                    Files.setAttribute(path, "unix:uid", nobody, LinkOption.NOFOLLOW_LINKS);
                }
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
