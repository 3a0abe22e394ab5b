package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `safepip init bash --path` after real installs into the default venv: the installed commands are on PATH, the
 * venv's python3, pip and activate never are, and an uninstall takes its command away.
 */
class InitPathIT {
    @TempDir
    Path tmp;
    @AutoClose
    LocalIndex index;

    @Test
    void onlyTheCommandsSafepipInstalledComeOnPath() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp);
        index = Sandbox.serve(tmp.resolve("wheels"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"),
                WheelBuilder.of("plain-lib", "1.0").module("plain_lib", "VALUE = 1\n"));
        Path cwd = Files.createDirectories(tmp.resolve("nowhere"));
        for (String name : List.of("hello-app", "plain-lib")) {
            Proc.Result installed = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", name);
            assertEquals(0, installed.exit(), installed.describe());
        }
        Path links = sandbox.testEnv().xdgData().resolve("safepip/bin");
        assertEquals(List.of("hello-app"), names(links), "one link per installed command, none for the venv's own");

        Proc.Result shell = inBash(sandbox, cwd, "type -P hello-app; hello-app; type -P python3; "
                + "type -P pip; type -P activate || echo no-activate");
        assertEquals(0, shell.exit(), shell.describe());
        List<String> lines = shell.stdout().lines().toList();
        assertEquals(links.resolve("hello-app").toString(), lines.get(0), shell.describe());
        assertEquals("hello from hello-app", lines.get(1), shell.describe());
        assertEquals(sandbox.managed().python().toString(), lines.get(2), "python3 stays the system's");
        assertEquals(sandbox.managed().pip().toString(), lines.get(3), "pip stays the system's");
        assertEquals("no-activate", lines.get(4), shell.describe());

        Proc.Result removed = Launcher.run(sandbox.env(index), cwd, "--yes", "uninstall", "-y", "hello-app");
        assertEquals(0, removed.exit(), removed.describe());
        assertEquals(List.of(), names(links), "the uninstalled command's link is gone");
        Proc.Result after = inBash(sandbox, cwd, "type -P hello-app || echo gone");
        assertEquals("gone\n", after.stdout(), after.describe());
    }

    private static Proc.Result inBash(Sandbox sandbox, Path cwd, String script) throws IOException {
        Path bash = Prerequisites.command("bash", "bash");
        Map<String, String> env = sandbox.env();
        Proc.Result init = Launcher.run(env, cwd, "init", "bash", "--path");
        assertEquals(0, init.exit(), init.describe());
        Path file = cwd.resolve("init.bash");
        Files.writeString(file, init.stdout());
        return Proc.run(List.of(bash.toString(), "-c", "source " + file + "; " + script), env, cwd,
                Duration.ofSeconds(60));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
