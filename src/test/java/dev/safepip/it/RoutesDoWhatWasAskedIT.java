package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.RecordingTools;
import dev.safepip.harness.TestEnv;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each route does what was asked or says plainly why not: a route that cannot work is refused by --via and by
 * --plan alike (exit 69), pip's configuration cannot break the venv's pip, a venv without pip is served by the
 * system pip in every command shown and run, an uninstall removes the copy the current folder would use, and an
 * install with nothing to install is pip's to answer.
 */
class RoutesDoWhatWasAskedIT {
    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path work;
    Path bin;
    Path calls;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        work = Files.createDirectories(tmp.resolve("work"));
        bin = Files.createDirectories(tmp.resolve("recording-bin"));
        calls = tmp.resolve("calls.log");
        RecordingTools.write(bin, calls, "apt-get", "sudo");
    }

    private Map<String, String> env() {
        return TestEnv.withPathFirst(sandbox.env(index), bin);
    }

    @Test
    void viaAptRefusesAVersionTheSystemLacksAndRunsNothing() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-cache")), "a Debian-like system with apt");
        for (String requirement : List.of(SystemRouteIT.PYPI + ">=99", "no-such-project-in-debian-xyz")) {
            Proc.Result run = Launcher.run(env(), work, "--via=apt", "install", requirement);
            assertEquals(69, run.exit(), run.describe());
            assertTrue(run.stderr().contains("cannot work here"), run.describe());
            Proc.Result plan = Launcher.run(env(), work, "--plan", "--via=apt", "install", requirement);
            assertEquals(69, plan.exit(), "--plan must exit as the run would:\n" + plan.describe());
            assertTrue(PlanMatchesRunIT.planned(plan).isEmpty(), "no command for a route that cannot work:\n"
                    + plan.describe());
        }
        assertFalse(Files.exists(calls), "apt-get or sudo ran: " + (Files.exists(calls) ? Files.readString(calls) : ""));
    }

    @Test
    void planViaPipxForALibraryExitsAsTheRunWould() {
        Proc.Result plan = Launcher.run(sandbox.env(index), work, "--plan", "--via=pipx", "install", "pkgA");
        Proc.Result run = Launcher.run(sandbox.env(index), work, "--via=pipx", "install", "pkgA");
        assertEquals(69, run.exit(), run.describe());
        assertEquals(69, plan.exit(), plan.describe());
    }

    @Test
    void pipsUserSettingDoesNotBreakTheVenvsPip() throws IOException {
        Path pipConf = sandbox.testEnv().xdgConfig().resolve("pip/pip.conf");
        Files.createDirectories(pipConf.getParent());
        Files.writeString(pipConf, "[install]\nuser = true\n", StandardCharsets.UTF_8);
        Map<String, String> env = sandbox.env(index);
        env.put("PIP_USER", "1");
        Proc.Result run = Launcher.run(env, work, "--via=venv", "install", "pkgA");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.stderr().contains("not for the virtual environment"), run.describe());
        assertImports(sandbox.defaultVenv(), "pkga");
    }

    @Test
    void aVenvWithoutPipIsServedByTheSystemPipInEveryCommandShownAndRun() throws IOException {
        Files.delete(sandbox.managed().stdlib().resolve("ensurepip"));
        Proc.Result plan = Launcher.run(sandbox.env(index), work, "--plan", "--via=venv", "install", "pkgA");
        assertEquals(0, plan.exit(), plan.describe());
        List<String> planned = PlanMatchesRunIT.planned(plan);
        assertEquals(2, planned.size(), plan.describe());
        assertTrue(planned.get(0).contains("--without-pip"), plan.describe());
        assertTrue(planned.get(1).contains("--python"), plan.describe());
        assertFalse(plan.stderr().contains(sandbox.defaultVenv().resolve("bin/pip") + " "),
                "a pip that will not exist was shown:\n"
                + plan.describe());

        Proc.Result install = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(0, install.exit(), install.describe());
        assertEquals(planned, PlanMatchesRunIT.ran(install.stderr()), install.describe());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), work, "uninstall", "-y", "pkgA");
        assertEquals(0, uninstall.exit(), uninstall.describe());
        Proc.Result gone = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import pkga"), sandbox.testEnv().map(), work, Duration.ofSeconds(30));
        assertEquals(1, gone.exit(), "pkga is still importable: " + uninstall.describe());
    }

    /** In the home folder, the default venv's copy is the one meant, not the latest recorded in a project. */
    @Test
    void uninstallRemovesTheCopyThisFolderWouldUseAndNamesTheOther() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"p\"\n", StandardCharsets.UTF_8);
        assertEquals(0, Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA").exit());
        assertEquals(0, Launcher.run(sandbox.env(index), project, "--via=venv", "install", "pkgA").exit());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), work, "uninstall", "-y", "pkgA");
        assertEquals(0, uninstall.exit(), uninstall.describe());
        assertTrue(uninstall.stderr().contains("also recorded in " + project.resolve(".venv")), uninstall.describe());
        assertImports(project.resolve(".venv"), "pkga");
        Proc.Result gone = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import pkga"), sandbox.testEnv().map(), work, Duration.ofSeconds(30));
        assertEquals(1, gone.exit(), uninstall.describe());
    }

    /** Nothing to install: pip's own refusal and exit code, no menu, nothing redone. */
    @Test
    void anInstallOfNothingIsPipsToAnswer() {
        Proc.Result run = Launcher.run(sandbox.env(index), work, "--yes", "install");
        Map<String, String> pipEnv = sandbox.env(index);
        Proc.Result pip = Proc.run(List.of(sandbox.managed().pip().toString(), "install"), pipEnv, work,
                Duration.ofSeconds(60));
        assertEquals(pip.exit(), run.exit(), run.describe() + "\n" + pip.describe());
        assertFalse(run.stderr().contains("redoing the install") || run.stderr().contains("Ways out"),
                run.describe());
        assertFalse(Files.exists(sandbox.defaultVenv()), "a venv was made for nothing");
    }

    private void assertImports(Path venv, String module) {
        Proc.Result r = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import " + module),
                sandbox.testEnv().map(), work, Duration.ofSeconds(30));
        assertEquals(0, r.exit(), r.describe());
    }
}
