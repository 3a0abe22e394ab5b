package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safepip named pip on PATH, in every form, never runs itself as the real pip. */
class RecursionIT {
    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path shadow;
    String realVersion;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        shadow = Files.createDirectories(tmp.resolve("shadow"));
        Proc.Result real = Proc.run(List.of(sandbox.managed().pip().toString(), "--version"), sandbox.testEnv().map(),
                tmp, Duration.ofSeconds(60));
        realVersion = real.stdout();
        assertTrue(realVersion.startsWith("pip "), real.describe());
    }

    /** PATH: the shadowing safepip first, then the real pip. */
    Map<String, String> env() {
        return TestEnv.withPathFirst(sandbox.env(), shadow);
    }

    @Test
    void aSymlinkNamedPip() throws IOException {
        Files.createSymbolicLink(shadow.resolve("pip"), Launcher.script());
        assertRunsTheRealPip(shadow.resolve("pip"));
    }

    @Test
    void aCopyOfTheLauncherNamedPip() throws IOException {
        Files.copy(Launcher.script(), shadow.resolve("pip"));
        assertRunsTheRealPip(shadow.resolve("pip"));
    }

    @Test
    void aWrapperScriptNamedPip() throws IOException {
        Path wrapper = shadow.resolve("pip");
        Files.writeString(wrapper, "#!/bin/sh\n# my alias\nexec " + Launcher.script() + " \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        assertRunsTheRealPip(wrapper);
    }

    @Test
    void aPipThatLeadsBackToSafepipEndsWithAnError() throws IOException {
        // A Python script safepip cannot recognise: only the environment guard can stop this loop.
        Path sneaky = shadow.resolve("sneaky-pip");
        Files.writeString(sneaky, "#!/usr/bin/python3\nimport os, sys\nlauncher = " + "'"
                + Launcher.script() + "'\nos.execv(launcher, [launcher] + sys.argv[1:])\n");
        sneaky.toFile().setExecutable(true);
        Map<String, String> env = env();
        env.put("SAFEPIP_PIP", sneaky.toString());
        Proc.Result result = Launcher.run(env, tmp, "--version");
        assertEquals(70, result.exit(), result.describe());
        assertTrue(result.stderr().contains("loop"), result.describe());
        assertEquals(1, result.stderr().strip().lines().count(), "one line: " + result.describe());
    }

    @Test
    void safepipPipPointingAtSafepipIsAUsageError() {
        Map<String, String> env = env();
        env.put("SAFEPIP_PIP", Launcher.script().toString());
        Proc.Result result = Launcher.run(env, tmp, "--version");
        assertEquals(64, result.exit(), result.describe());
        assertEquals(1, result.stderr().strip().lines().count(), "one line: " + result.describe());
    }

    private void assertRunsTheRealPip(Path shadowingPip) {
        Map<String, String> env = env();
        // A copy cannot find the jar beside itself; the launcher takes it from SAFEPIP_JAR then.
        env.put("SAFEPIP_JAR", Launcher.root().resolve("target/safepip.jar").toString());
        Proc.Result result = Proc.run(List.of("pip", "--version"), env, tmp, Duration.ofSeconds(60));
        assertEquals(0, result.exit(), result.describe());
        assertEquals(realVersion, result.stdout(), "the real pip answered through " + shadowingPip);
    }
}
