package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import dev.safepip.python.DistInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipx route with the real pipx does what pip would have done: --upgrade upgrades an installed application, a
 * version asked of an installed one installs that version, and `where` finds what pipx installed in pipx's own
 * default home (Debian's pipx 1.1.0: ~/.local/pipx), with no PIPX_HOME set.
 */
class PipxVersionsIT {
    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path cwd;

    @BeforeAll
    static void setUpShared() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pipx")), "pipx is installed (.ci/run installs it)");
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), app("1.0"), app("2.0"));
    }

    private static WheelBuilder app(String version) {
        return WheelBuilder.of("hello-app", version).consoleScript("hello-app", "hello_app:main")
                .module("hello_app", "def main():\n    print('hello " + version + "')\n");
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
    }

    /** pipx's own defaults: no PIPX_HOME or PIPX_BIN_DIR, HOME in the sandbox. */
    private Map<String, String> env() {
        Map<String, String> env = sandbox.env(index);
        env.remove("PIPX_HOME");
        env.remove("PIPX_BIN_DIR");
        return env;
    }

    private Path pipxHome() {
        Proc.Result asked = Proc.run(java.util.List.of("/usr/bin/pipx", "environment", "--value", "PIPX_HOME"),
                env(), cwd, java.time.Duration.ofSeconds(30));
        assertEquals(0, asked.exit(), asked.describe());
        return Path.of(asked.stdout().strip());
    }

    private String installedVersion() {
        Path distInfo = DistInfo.find(DistInfo.venvSiteDirs(pipxHome().resolve("venvs/hello-app")), "hello-app");
        assertNotNull(distInfo, "hello-app is not in pipx's environments");
        return DistInfo.version(distInfo);
    }

    @Test
    void upgradeAndVersionsOfAnInstalledApplication() {
        Proc.Result first = Launcher.run(env(), cwd, "--via=pipx", "install", "hello-app==1.0");
        assertEquals(0, first.exit(), first.describe());
        assertEquals("1.0", installedVersion());

        Proc.Result where = Launcher.run(env(), cwd, "where", "hello-app");
        assertEquals(0, where.exit(), where.describe());
        assertTrue(where.stdout().contains("present"), "where must find pipx's own home:\n" + where.describe());

        Proc.Result upgrade = Launcher.run(env(), cwd, "--via=pipx", "install", "--upgrade", "hello-app");
        assertEquals(0, upgrade.exit(), upgrade.describe());
        assertEquals("2.0", installedVersion(), upgrade.describe());

        Proc.Result back = Launcher.run(env(), cwd, "--via=pipx", "install", "hello-app==1.0");
        assertEquals(0, back.exit(), back.describe());
        assertEquals("1.0", installedVersion(), back.describe());
    }
}
