package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher under faults, with real processes: JAVA_TOOL_OPTIONS (issue 9.1), a SAFEPIP_JAVA that is missing, not
 * a java or too old, and a deleted working folder (issue 9.7).
 */
class LauncherFaultIT {
    static final String JTO = "-Dfile.encoding=UTF-8";

    @TempDir
    static Path tmp;
    static Sandbox sandbox;
    static Path venv;
    static Path recorder;
    static Path recorded;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        venv = tmp.resolve("venv");
        Proc.Result made = Proc.run(List.of("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        // An interpreter for pip's --python that writes down the JAVA_TOOL_OPTIONS pip ran it with, then is the venv's
        // Python: the real pip's own run, with nothing of the system's touched.
        recorded = tmp.resolve("jto.log");
        recorder = tmp.resolve("recording-python");
        Files.writeString(recorder, "#!/bin/sh\nprintf '%s\\n' \"${JAVA_TOOL_OPTIONS-(unset)}\" >> '" + recorded
                + "'\nexec '" + venv.resolve("bin/python") + "' \"$@\"\n");
        assertTrue(recorder.toFile().setExecutable(true));
    }

    static Proc.Result realPip(Map<String, String> env, Path cwd, String... args) {
        List<String> argv = new ArrayList<>(List.of(sandbox.managed().pip().toString()));
        argv.addAll(List.of(args));
        return Proc.run(argv, env, cwd, Duration.ofSeconds(120));
    }

    @Test
    void javaToolOptionsReachPipUntouchedOnBothPaths() throws IOException {
        Map<String, String> env = sandbox.env();
        env.put("JAVA_TOOL_OPTIONS", JTO);
        Proc.Result version = Launcher.run(env, tmp, "--version");
        assertEquals(0, version.exit(), version.describe());
        assertEquals(realPip(env, tmp, "--version").stdout(), version.stdout());
        // --python: only pip can tell, so the JVM runs pip; the JVM itself must not see or announce the variable.
        Files.deleteIfExists(recorded);
        Proc.Result viaJvm = Launcher.run(env, tmp, "--python", recorder.toString(), "uninstall", "-y", "not-here");
        assertEquals(0, viaJvm.exit(), viaJvm.describe());
        assertFalse(viaJvm.stderr().contains("Picked up") || viaJvm.stderr().contains("no such option"),
                viaJvm.describe());
        assertEquals(JTO + "\n", Files.readString(recorded));
    }

    @Test
    void javaToolOptionsThroughTheInitFunctions() throws IOException {
        Proc.Result init = Launcher.run(sandbox.testEnv().map(), tmp, "init", "bash");
        Path file = tmp.resolve("init.bash");
        Files.writeString(file, init.stdout());
        Files.deleteIfExists(recorded);
        Proc.Result result = Proc.run(List.of("/bin/bash", "-c", "source '" + file + "'; export JAVA_TOOL_OPTIONS='"
                + JTO + "'; pip --version && pip --python '" + recorder + "' uninstall -y not-here"), sandbox.env(),
                tmp, Duration.ofSeconds(120));
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.stdout().startsWith("pip "), result.describe());
        assertFalse(result.stderr().contains("Picked up"), result.describe());
        assertEquals(JTO + "\n", Files.readString(recorded));
    }

    @Test
    void aSafepipJavaThatIsMissingNotAJavaOrTooOldIsOneLineAndExit69() throws IOException {
        Path oldJdk = tmp.resolve("jdk-11");
        Files.createDirectories(oldJdk.resolve("bin"));
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Files.writeString(oldJdk.resolve("bin/java"), "#!/bin/sh\nexit 1\n");
        assertTrue(oldJdk.resolve("bin/java").toFile().setExecutable(true));
        for (String java : List.of("/nonexistent", "/bin/false", tmp.toString(), oldJdk.toString())) {
            Map<String, String> env = sandbox.env();
            env.put("SAFEPIP_JAVA", java);
            Proc.Result doctor = Launcher.run(env, tmp, "doctor");
            assertEquals(69, doctor.exit(), java + ": " + doctor.describe());
            assertEquals(1, doctor.stderr().lines().count(), java + ": " + doctor.describe());
            assertTrue(doctor.stderr().startsWith("safepip: SAFEPIP_JAVA=" + java), doctor.describe());
            // pip's own commands need no java at all.
            Proc.Result list = Launcher.run(env, tmp, "list");
            assertEquals(0, list.exit(), java + ": " + list.describe());
        }
    }

    /** argv run from a folder deleted just before (the shell's cd, then rmdir of its own working folder). */
    static Proc.Result inDeletedFolder(Map<String, String> env, List<String> argv) throws IOException {
        Path gone = Files.createTempDirectory(tmp, "gone");
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$1\" && rmdir \"$1\" && shift && exec \"$@\"",
                "sh", gone.toString()));
        shell.addAll(argv);
        return Proc.run(shell, env, tmp, Duration.ofSeconds(120));
    }

    /** stderr without the line a shell prints when it starts in a deleted folder (dash: "getcwd() failed"). */
    static List<String> withoutShellsGetcwdWarning(String stderr) {
        return stderr.lines().filter(line -> !line.contains("getcwd")).toList();
    }

    @Test
    void aDeletedWorkingFolder() throws IOException {
        Map<String, String> env = sandbox.env();
        // safepip's own command needs the JVM, which cannot start there: one line of safepip's, exit 69.
        Proc.Result doctor = inDeletedFolder(env, List.of(Launcher.script().toString(), "doctor"));
        assertEquals(69, doctor.exit(), doctor.describe());
        assertEquals(List.of("safepip: the current folder no longer exists; cd to one that does and try again"),
                withoutShellsGetcwdWarning(doctor.stderr()), doctor.describe());
        // pip's commands, even an install on the managed Python, get pip's own answer, as without safepip.
        for (List<String> args : List.of(List.of("list"), List.of("--version"), List.of("install", "pkgA"))) {
            List<String> through = new ArrayList<>(List.of(Launcher.script().toString()));
            through.addAll(args);
            List<String> direct = new ArrayList<>(List.of(sandbox.managed().pip().toString()));
            direct.addAll(args);
            Proc.Result viaSafepip = inDeletedFolder(env, through);
            Proc.Result pip = inDeletedFolder(env, direct);
            assertEquals(pip.exit(), viaSafepip.exit(), args + ": " + viaSafepip.describe());
            assertEquals(pip.stdout(), viaSafepip.stdout(), args + ": " + viaSafepip.describe());
            assertEquals(withoutShellsGetcwdWarning(pip.stderr()), withoutShellsGetcwdWarning(viaSafepip.stderr()),
                    args + ": " + viaSafepip.describe());
        }
    }
}
