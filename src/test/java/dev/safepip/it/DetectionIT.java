package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEP 668 is recognised before pip runs (pip is never started) and, when safepip cannot tell beforehand, from
 * pip's own refusal; every kind of marker is shown safely.
 */
class DetectionIT {
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F\\u009B]");

    @TempDir
    Path tmp;

    TestEnv testEnv;
    ManagedPython managed;
    Path bin;
    Path calls;

    @BeforeEach
    void setUp() throws IOException {
        testEnv = TestEnv.in(tmp.resolve("env"));
        managed = ManagedPython.create(tmp.resolve("managed"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        calls = tmp.resolve("pip-calls.log");
        managed.installRecordingPipAs(bin, calls);
    }

    Map<String, String> env() {
        return testEnv.withPathFirst(bin);
    }

    String pipCalls() throws IOException {
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    @Test
    void blockedInstallIsDetectedBeforePipStarts() throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "install", "somepkg");
        assertEquals(1, result.exit(), result.describe());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("externally managed"), result.describe());
        assertTrue(result.stderr().contains("safepip test marker: this Python is managed by the test"),
                result.describe());
        assertTrue(result.stderr().contains("-m venv"), result.describe());
        assertTrue(result.stderr().contains("--break-system-packages"), result.describe());
        assertEquals("", pipCalls(), "pip must not have been started");
    }

    @Test
    void blockedUninstallIsDetectedBeforePipStarts() throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "uninstall", "-y", "somepkg");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("may not uninstall"), result.describe());
        assertEquals("", pipCalls());
    }

    @Test
    void blockedInstallIsDetectedFromPipsRefusalWhenThePrecheckIsOff() throws IOException {
        Map<String, String> env = env();
        env.put("SAFEPIP_PRECHECK", "0");
        Proc.Result result = Launcher.run(env, tmp, "install", "somepkg");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(pipCalls().contains("install somepkg"), "pip ran: " + pipCalls());
        int pipSays = result.stderr().indexOf("externally-managed-environment");
        int safepipSays = result.stderr().indexOf("Ways out:");
        assertTrue(pipSays >= 0 && safepipSays > pipSays, result.describe());
    }

    @Test
    void aPipShimThatSafepipCannotReadIsJudgedByPipsRefusal() throws IOException {
        Path shimDir = Files.createDirectories(tmp.resolve("shims"));
        Path shim = shimDir.resolve("pip");
        Files.writeString(shim, "#!/bin/sh\nexec '" + managed.python() + "' -m pip \"$@\"\n");
        shim.toFile().setExecutable(true);
        Proc.Result result = Launcher.run(testEnv.withPathFirst(shimDir), tmp, "install", "somepkg");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("error: externally-managed-environment"), result.describe());
        assertTrue(result.stderr().contains("Ways out:"), result.describe());
    }

    @Test
    void exemptInstallsGoToPip() throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "install", "--target", tmp.resolve("t").toString(),
                "--no-index", "somepkg");
        assertTrue(pipCalls().contains("--target"), "pip ran: " + pipCalls());
        assertFalse(result.stderr().contains("Ways out:"), result.describe());
        assertEquals(1, result.exit(), "pip's own failure to find somepkg: " + result.describe());
    }

    @Test
    void aPipConfigThatLiftsTheCheckLetsPipDecide() throws IOException {
        Path conf = tmp.resolve("pip.conf");
        Files.writeString(conf, "[install]\nbreak-system-packages = true\n");
        Map<String, String> env = env();
        env.put("PIP_CONFIG_FILE", conf.toString());
        Proc.Result result = Launcher.run(env, tmp, "install", "--no-index", "somepkg");
        assertTrue(pipCalls().contains("install --no-index somepkg"), "pip ran: " + pipCalls());
        assertFalse(result.stderr().contains("Ways out:"), result.describe());
        assertTrue(result.stderr().contains("No matching distribution found for somepkg"), result.describe());
    }

    @Test
    void planRunsNothing() throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "--plan", "install", "somepkg");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.stderr().contains("Ways out:"), result.describe());
        assertTrue(result.stderr().contains("Nothing was run."), result.describe());
        // The plan may look the package up (pip download, to tell an application from a library), never install.
        for (String call : pipCalls().lines().toList()) {
            assertTrue(call.startsWith("download "), "pip was only asked to look: " + pipCalls());
        }
    }

    @Test
    void anUncertainLayoutIsAskedOfTheInterpreterOnceThenCached() throws IOException {
        // A second stdlib candidate (lib64) makes the layout ambiguous: only the interpreter can say which it uses.
        Path lib64 = Files.createDirectories(managed.root().resolve("lib64/python" + managed.version()));
        Files.writeString(lib64.resolve("os.py"), "");
        Proc.Result asked = Launcher.run(env(), tmp, "doctor");
        assertTrue(asked.stdout().contains("(asked)"), asked.describe());
        assertTrue(asked.stdout().contains(managed.marker().toString()), asked.describe());
        try (var cached = Files.list(testEnv.xdgCache().resolve("safepip/interpreters"))) {
            assertEquals(1, cached.count(), "one answer cached");
        }
        Proc.Result again = Launcher.run(env(), tmp, "doctor");
        assertTrue(again.stdout().contains("(cached)"), again.describe());
        Proc.Result blocked = Launcher.run(env(), tmp, "install", "somepkg");
        assertEquals(1, blocked.exit(), blocked.describe());
        assertEquals("", pipCalls(), "decided from the cached answer, before pip");
    }

    @Test
    void theGermanTextIsShownUnderAGermanLocale() throws IOException {
        managed.writeMarker("[externally-managed]\nError = English text for everyone\n"
                + "Error-de = Deutscher Text: bitte eine virtuelle Umgebung verwenden\n");
        Map<String, String> env = env();
        env.put("LANG", "de_DE.UTF-8");
        Proc.Result result = Launcher.run(env, tmp, "install", "somepkg");
        assertTrue(result.stderr().contains("Deutscher Text: bitte eine virtuelle Umgebung verwenden"),
                result.describe());
        assertFalse(result.stderr().contains("English text"), result.describe());
        env.put("LANG", "C.UTF-8");
        Proc.Result english = Launcher.run(env, tmp, "install", "somepkg");
        assertTrue(english.stderr().contains("English text for everyone"), english.describe());
    }

    @Test
    void malformedMarkersStillBlockAndShowPipsDefaultText() throws IOException {
        String[] broken = {"no section here\n", "", "[externally-managed]\nNot-Error = x\n",
            "[externally-managed]\nError = a\nError = b\n", "[other]\nError = x\n"};
        for (String marker : broken) {
            managed.writeMarker(marker);
            assertBlockedSafely("The Python environment under " + managed.root() + " is managed externally");
        }
        byte[] binary = new byte[4096];
        new java.util.Random(668).nextBytes(binary);
        managed.writeMarker(binary);
        assertBlockedSafely("is managed externally");
    }

    @Test
    void escapeSequencesInTheMarkerNeverReachTheTerminal() throws IOException {
        managed.writeMarker("[externally-managed]\nError = Use a venv\u001b[2J\u001b]0;owned\u0007 please\r\n"
                + "  \u001b[31mred\u001b[0m \u009b6n bell\u0007 \u202eevil\n");
        Proc.Result result = assertBlockedSafely("Use a venv please");
        assertTrue(result.stderr().contains("red"), result.describe());
        assertFalse(result.stderr().contains("owned"), result.describe());
    }

    @Test
    void aHugeMarkerIsCut() throws IOException {
        StringBuilder huge = new StringBuilder("[externally-managed]\nError = first line\n");
        char[] line = new char[100];
        Arrays.fill(line, 'x');
        while (huge.length() < 5_000_000) {
            huge.append("  ").append(line).append('\n');
        }
        managed.writeMarker(huge.toString().getBytes(StandardCharsets.UTF_8));
        Proc.Result result = assertBlockedSafely("first line");
        assertTrue(result.stderr().contains("cut)"), result.describe());
        assertTrue(result.stderr().length() < 20_000, "stderr is " + result.stderr().length() + " chars");
    }

    private Proc.Result assertBlockedSafely(String expected) throws IOException {
        Proc.Result result = Launcher.run(env(), tmp, "install", "somepkg");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains(expected), "expected «" + expected + "» in\n" + result.describe());
        assertFalse(CONTROL.matcher(result.stderr().replace("\n", "")).find(), "control characters in\n"
                + result.describe().replace("\u001b", "<ESC>"));
        assertFalse(result.stderr().contains("Exception") || result.stderr().contains("\tat "), result.describe());
        assertEquals("", pipCalls());
        return result;
    }
}
