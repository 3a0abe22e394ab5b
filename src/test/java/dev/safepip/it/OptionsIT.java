package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safepip's own options, settings, help, doctor and installer, as a user meets them. */
class OptionsIT {
    @TempDir
    Path tmp;

    Sandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp);
    }

    @Test
    void aBadViaIsAOneLineUsageError() {
        Proc.Result result = Launcher.run(sandbox.env(), tmp, "--via=sideways", "install", "x");
        assertOneLineError(result, 64, "--via");
    }

    @Test
    void aBadEnvironmentValueIsAOneLineUsageError() {
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_VIA", "sideways");
        assertOneLineError(Launcher.run(env, tmp, "install", "x"), 64, "SAFEPIP_VIA");
        env.remove("SAFEPIP_VIA");
        env.put("SAFEPIP_YES", "perhaps");
        assertOneLineError(Launcher.run(env, tmp, "install", "x"), 64, "SAFEPIP_YES");
    }

    @Test
    void aBadConfigLineIsAOneLineUsageErrorWithItsLineNumber() throws IOException {
        Path config = Files.createDirectories(sandbox.testEnv().xdgConfig().resolve("safepip")).resolve("config");
        Files.writeString(config, "# mine\nvia = venv\nflavour = mint\n");
        Proc.Result result = Launcher.run(sandbox.env(), tmp, "install", "x");
        assertOneLineError(result, 64, "line 3");
        assertTrue(result.stderr().contains("flavour"), result.describe());
    }

    @Test
    void aMissingOptionValueIsAUsageError() {
        assertOneLineError(Launcher.run(sandbox.env(), tmp, "--venv"), 64, "--venv");
    }

    @Test
    void passThroughIgnoresSafepipSettingsItDoesNotNeed() {
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_VIA", "sideways");
        Proc.Result result = Launcher.run(env, tmp, "--version");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.stdout().startsWith("pip "), result.describe());
    }

    @Test
    void doctorShowsEachSettingAndWhereItCameFrom() throws IOException {
        Path config = Files.createDirectories(sandbox.testEnv().xdgConfig().resolve("safepip")).resolve("config");
        Files.writeString(config, "via = pipx\nyes = true\n");
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_VIA", "fail");
        Proc.Result result = Launcher.run(env, tmp, "--venv", "/opt/v", "doctor");
        assertEquals(0, result.exit(), result.describe());
        String out = result.stdout();
        assertTrue(out.contains("via:") && out.contains("fail  (SAFEPIP_VIA)"), out);
        assertTrue(out.contains("/opt/v  (--venv)"), out);
        assertTrue(out.contains("true  (" + config + " line 2)"), out);
        assertTrue(out.contains(sandbox.managed().pip().toString()), out);
        assertTrue(out.contains(sandbox.managed().marker().toString()), out);
        assertTrue(out.contains("externally managed"), out);
        assertTrue(out.contains("safepip test marker"), out);
        assertTrue(out.contains("pipx:") && out.contains("apt-get:"), out);
    }

    @Test
    void doctorInAVenvSaysSo() {
        Path venv = tmp.resolve("venv");
        Proc.Result made = Proc.run(List.of(sandbox.managed().python().toString(), "-m", "venv", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        Proc.Result result = Launcher.run(sandbox.testEnv().withPathFirst(venv.resolve("bin")), tmp, "doctor");
        assertTrue(result.stdout().contains("virtual environment at " + venv), result.describe());
        assertTrue(result.stdout().contains("not managed"), result.describe());
    }

    @Test
    void helpShowsSafepipsAdditionsAndPipHelpStillReachesPip() {
        Proc.Result help = Launcher.run(sandbox.env(), tmp, "--help");
        assertEquals(0, help.exit(), help.describe());
        for (String word : List.of("--via", "--venv", "--yes", "--plan", "doctor", "Every other argument goes to pip",
                "SAFEPIP_PIP", "64")) {
            assertTrue(help.stdout().contains(word), word + " in\n" + help.stdout());
        }
        Proc.Result pipHelp = Launcher.run(sandbox.env(), tmp, "help");
        Proc.Result direct = Proc.run(List.of(sandbox.managed().pip().toString(), "help"), sandbox.env(), tmp,
                Duration.ofSeconds(60));
        assertEquals(direct.stdout(), pipHelp.stdout());
        assertTrue(pipHelp.stdout().contains("pip <command> [options]"), pipHelp.describe());
    }

    @Test
    void installScriptInstallsARunnableLauncher() {
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = sandbox.env();
        env.put("PREFIX", prefix.toString());
        Proc.Result install = Proc.run(List.of("/bin/sh", Launcher.root().resolve("scripts/install.sh").toString(),
                "--no-build"), env, tmp, Duration.ofSeconds(60));
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stdout().contains("Next steps"), install.describe());
        Proc.Result version = Proc.run(List.of(prefix.resolve("bin/safepip").toString(), "--version"), env, tmp,
                Duration.ofSeconds(60));
        assertEquals(0, version.exit(), version.describe());
        assertTrue(version.stdout().startsWith("pip "), version.describe());
    }

    private static void assertOneLineError(Proc.Result result, int exit, String mentions) {
        assertEquals(exit, result.exit(), result.describe());
        assertEquals(1, result.stderr().strip().lines().count(), "one line: " + result.describe());
        assertTrue(result.stderr().contains(mentions), result.describe());
        assertFalse(result.stderr().contains("Exception"), result.describe());
        assertEquals("", result.stdout(), result.describe());
    }
}
