package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipx route with the real pipx (Debian's 1.1.0 here and in CI), in temporary PIPX_HOME and PIPX_BIN_DIR. */
class PipxRouteIT {
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
        Prerequisites.command("pipx", "pipx");
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .classifier("Environment :: Console")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"),
                WheelBuilder.of("plain-lib", "1.0").module("plain_lib", "VALUE = 'plain-lib 1.0'\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
    }

    @Test
    void anApplicationIsRecommendedForPipxInstalledAndRemoved() {
        Proc.Result plan = Launcher.run(sandbox.env(index), cwd, "--plan", "install", "hello-app");
        assertEquals(0, plan.exit(), plan.describe());
        assertTrue(plan.stderr().contains("safepip plan: with pipx"), plan.describe());

        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--yes", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        Path command = sandbox.testEnv().pipxBin().resolve("hello-app");
        assertTrue(Files.isExecutable(command), install.describe());
        Proc.Result ran = Proc.run(List.of(command.toString()), sandbox.testEnv().map(), cwd, Duration.ofSeconds(30));
        assertEquals("hello from hello-app\n", ran.stdout(), ran.describe());
        assertTrue(install.stderr().contains("hello-app is in " + sandbox.testEnv().pipxBin()), install.describe());
        assertTrue(install.stderr().contains("pipx ensurepath"), "its bin folder is not on PATH: "
                + install.describe());

        Proc.Result where = Launcher.run(sandbox.env(index), cwd, "where", "hello-app");
        assertEquals(0, where.exit(), where.describe());
        assertTrue(where.stdout().contains("pipx") && where.stdout().contains("present"), where.describe());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), cwd, "uninstall", "hello-app");
        assertEquals(0, uninstall.exit(), uninstall.describe());
        assertFalse(Files.exists(command), uninstall.describe());
        assertEquals(1, Launcher.run(sandbox.env(index), cwd, "where", "hello-app").exit());
    }

    @Test
    void aLibraryIsNeverSentToPipx() {
        Proc.Result refused = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "plain-lib");
        assertEquals(69, refused.exit(), refused.describe());
        assertTrue(refused.stderr().contains("plain-lib is a library"), refused.describe());
        assertFalse(Files.exists(sandbox.testEnv().pipxHome().resolve("venvs/plain-lib")), refused.describe());

        Proc.Result yes = Launcher.run(sandbox.env(index), cwd, "--yes", "install", "plain-lib");
        assertEquals(0, yes.exit(), yes.describe());
        assertTrue(yes.stderr().contains("into a virtual environment"), yes.describe());
        assertFalse(Files.exists(sandbox.testEnv().pipxHome().resolve("venvs/plain-lib")), yes.describe());
    }

    @Test
    void injectAddsALibraryToAnApplicationsEnvironment() {
        Proc.Result app = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "hello-app");
        assertEquals(0, app.exit(), app.describe());
        Proc.Result inject = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "--inject=hello-app", "install",
                "plain-lib");
        assertEquals(0, inject.exit(), inject.describe());
        Path python = sandbox.testEnv().pipxHome().resolve("venvs/hello-app/bin/python");
        Proc.Result imported = Proc.run(List.of(python.toString(), "-c", "import plain_lib; print(plain_lib.VALUE)"),
                sandbox.testEnv().map(), cwd, Duration.ofSeconds(30));
        assertEquals("plain-lib 1.0\n", imported.stdout(), imported.describe());
    }
}
