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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's options for Java programs (JDK_JAVA_OPTIONS, _JAVA_OPTIONS, JAVA_TOOL_OPTIONS) never change safepip's
 * own JVM, which neither obeys nor announces them ("Picked up …"), and reach pip untouched: set, empty or unset.
 */
class JavaOptionsIT {
    /** What breaks a JVM that obeys it: too little memory to start, and words no JVM knows. */
    static final List<String> BREAKERS = List.of("-Xmx1m", "--no-such-java-option", "-XX:+NoSuchFlagAtAll");

    @TempDir
    static Path tmp;
    static Sandbox sandbox;
    static Path recorder;
    static Path recorded;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        Path venv = tmp.resolve("venv");
        Proc.Result made = Proc.run(List.of("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        // An interpreter for pip's --python that writes down the three variables as pip ran it, then is the venv's.
        recorded = tmp.resolve("options.log");
        recorder = tmp.resolve("recording-python");
        Files.writeString(recorder, "#!/bin/sh\nprintf '%s|%s|%s\\n' \"${JDK_JAVA_OPTIONS-(unset)}\" "
                + "\"${_JAVA_OPTIONS-(unset)}\" \"${JAVA_TOOL_OPTIONS-(unset)}\" >> '" + recorded + "'\nexec '"
                + venv.resolve("bin/python") + "' \"$@\"\n");
        assertTrue(recorder.toFile().setExecutable(true));
    }

    private static void assertUntouchedJvm(Proc.Result result, String what) {
        String all = result.stdout() + result.stderr();
        assertFalse(all.contains("Picked up") || all.contains("Unrecognized") || all.contains("Error: Could not")
                || all.contains("OutOfMemory") || all.contains("Too small"), what + ": " + result.describe());
    }

    @Test
    void optionsThatBreakAJvmLeaveSafepipsAlone() {
        for (String options : BREAKERS) {
            for (String variable : List.of("JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
                Map<String, String> env = sandbox.env();
                env.put(variable, options);
                String what = variable + "=" + options;
                Proc.Result help = Launcher.run(env, tmp, "--help");
                assertEquals(0, help.exit(), what + ": " + help.describe());
                assertUntouchedJvm(help, what);
                Proc.Result doctor = Launcher.run(env, tmp, "doctor");
                assertUntouchedJvm(doctor, what);
                assertTrue(doctor.stdout().contains("pipx"), what + ": " + doctor.describe());
                // A blocked install that must not change anything: safepip's report, exit 1.
                Proc.Result blocked = Launcher.run(env, tmp, "--via=fail", "install", "pkgA");
                assertEquals(1, blocked.exit(), what + ": " + blocked.describe());
                assertUntouchedJvm(blocked, what);
                assertTrue(blocked.stderr().contains("externally"), what + ": " + blocked.describe());
            }
        }
    }

    /** Set, empty and unset each reach pip as they were, with the JVM in between (--python: only pip can tell). */
    @Test
    void pipSeesTheVariablesAsTheUserSetThem() throws IOException {
        List<Map<String, String>> cases = List.of(
                Map.of("JDK_JAVA_OPTIONS", "-Xmx1m -Da='b c'", "_JAVA_OPTIONS", "garbage here"),
                Map.of("JDK_JAVA_OPTIONS", "", "JAVA_TOOL_OPTIONS", "-Dx=1"),
                Map.of("_JAVA_OPTIONS", ""),
                Map.of());
        for (Map<String, String> variables : cases) {
            Map<String, String> env = sandbox.env();
            env.putAll(variables);
            Files.deleteIfExists(recorded);
            Proc.Result result = Launcher.run(env, tmp, "--python", recorder.toString(), "uninstall", "-y",
                    "not-here");
            assertEquals(0, result.exit(), variables + ": " + result.describe());
            assertUntouchedJvm(result, variables.toString());
            String expected = variables.getOrDefault("JDK_JAVA_OPTIONS", "(unset)") + "|"
                    + variables.getOrDefault("_JAVA_OPTIONS", "(unset)") + "|"
                    + variables.getOrDefault("JAVA_TOOL_OPTIONS", "(unset)");
            List<String> lines = Files.readAllLines(recorded);
            assertFalse(lines.isEmpty(), variables + ": " + result.describe());
            for (String line : lines) {
                assertEquals(expected, line, variables + ": " + result.describe());
            }
        }
    }

    /** scripts/install.sh trains the startup archive with its own JVM: the user's options must not break it. */
    @Test
    void installMakesItsArchiveWhateverTheUsersJavaOptions() {
        Map<String, String> env = sandbox.env();
        env.put("PREFIX", tmp.resolve("prefix").toString());
        env.put("JDK_JAVA_OPTIONS", "--no-such-java-option");
        env.put("_JAVA_OPTIONS", "-XX:+NoSuchFlagAtAll");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx1m");
        Proc.Result install = Proc.run(List.of("/bin/sh", Launcher.root().resolve("scripts/install.sh").toString(),
                "--no-build"), env, tmp, Duration.ofSeconds(300));
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stdout().contains("Made a startup archive"), install.describe());
        Proc.Result installed = Proc.run(List.of(tmp.resolve("prefix/bin/safepip").toString(), "--help"), env, tmp,
                Duration.ofSeconds(60));
        assertEquals(0, installed.exit(), installed.describe());
        assertUntouchedJvm(installed, "installed");
    }
}
