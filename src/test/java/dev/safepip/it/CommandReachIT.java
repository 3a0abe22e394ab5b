package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After each route, the shell must be able to reach the commands the install made, or be told how: the full path
 * of each command off PATH and, once, the one line that puts them on PATH (safepip init SHELL --path for the default
 * venv, pipx ensurepath for pipx's folder, activation for a project's .venv); nothing when the shell finds them.
 * `safepip where` shows each command and whether the current PATH reaches it.
 */
class CommandReachIT {
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
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .classifier("Environment :: Console")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"),
                WheelBuilder.of("two-tools", "1.0").consoleScript("tool-one", "two_tools:main")
                        .guiScript("tool-two", "two_tools:main")
                        // Not executable in the wheel, so pip installs it as a plain file: no command.
                        .dataScript("not-a-tool", "#!/bin/sh\necho no\n")
                        .module("two_tools", "def main():\n    print('tool-one')\n"),
                WheelBuilder.of("plain-lib", "1.0").module("plain_lib", "VALUE = 1\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
    }

    private Path links() {
        return sandbox.testEnv().xdgData().resolve("safepip/bin");
    }

    @Test
    void theDefaultVenvsCommandsOffPathAreNamedWithTheLineThatPutsThemOnPath() {
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        String err = install.stderr();
        assertTrue(err.contains("safepip: hello-app is not on your PATH: " + links().resolve("hello-app")),
                install.describe());
        Path bashrc = sandbox.testEnv().home().resolve(".bashrc");
        assertTrue(err.contains("add this line to " + bashrc + ": eval \"$(safepip init bash --path)\""),
                install.describe());
        assertEquals(1, count(err, "safepip init bash --path"), "the line is said once: " + err);
        assertTrue(lastLine(err).contains("safepip init bash --path"), "it is among the last lines: " + err);

        // With safepip's links on PATH (what that line does), the shell finds it: nothing more is said.
        Map<String, String> onPath = sandbox.env(index);
        onPath.put("PATH", links() + ":" + onPath.get("PATH"));
        Proc.Result again = Launcher.run(onPath, cwd, "--via=venv", "install", "--force-reinstall", "hello-app");
        assertEquals(0, again.exit(), again.describe());
        assertFalse(again.stderr().contains("not on your PATH"), again.describe());
        assertFalse(again.stderr().contains("--path"), again.describe());
    }

    @Test
    void severalCommandsAreEachNamedAndALibraryWithoutCommandsSaysNothingOfPath() {
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "two-tools",
                "plain-lib");
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stderr().contains("these commands are not on your PATH: " + links().resolve("tool-one")
                + " " + links().resolve("tool-two")), install.describe());

        Proc.Result lib = Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "--force-reinstall",
                "plain-lib");
        assertEquals(0, lib.exit(), lib.describe());
        assertFalse(lib.stderr().contains("PATH"), lib.describe());
    }

    @Test
    void aProfileLineWithoutPathIsNamedAndNeverChangedWithoutATerminal() throws IOException {
        Path bashrc = sandbox.testEnv().home().resolve(".bashrc");
        byte[] before = ("# mine\nexport EDITOR=vi\neval \"$(" + Launcher.script() + " init bash)\"\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(bashrc, before);
        Map<String, String> env = sandbox.env(index);
        // What the shell functions pass: safepip runs from them.
        env.put("SAFEPIP_INIT", "bash");
        Proc.Result install = Launcher.run(env, cwd, "--via=venv", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stderr().contains("add --path to the safepip line in " + bashrc + ": eval \"$("
                + Launcher.script() + " init bash --path)\""), install.describe());
        assertFalse(install.stderr().contains("[y/N]"), "no question without a terminal: " + install.describe());
        assertArrayEquals(before, Files.readAllBytes(bashrc), "the profile is left byte for byte");
    }

    @Test
    void aProjectVenvsCommandsAreReachedByActivatingIt() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = 'x'\n");
        Proc.Result install = Launcher.run(sandbox.env(index), project, "--via=venv", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        Path venv = project.resolve(".venv");
        assertTrue(install.stderr().contains("safepip: use it with `source " + venv.resolve("bin/activate")
                + "`, then hello-app is on PATH; or run " + venv.resolve("bin/hello-app") + " directly."),
                install.describe());
        assertFalse(install.stderr().contains("--path"), "a project's venv is never put on PATH for every shell: "
                + install.describe());
        assertFalse(Files.exists(links().resolve("hello-app")), "nor linked with the default venv's commands");

        // Active (its bin first on PATH), the command is found: the usual line alone.
        Map<String, String> active = sandbox.env(index);
        active.put("PATH", venv.resolve("bin") + ":" + active.get("PATH"));
        active.put("VIRTUAL_ENV", venv.toString());
        Proc.Result again = Launcher.run(active, project, "--via=venv", "install", "--force-reinstall",
                "hello-app");
        assertEquals(0, again.exit(), again.describe());
        assertFalse(again.stderr().contains("then hello-app is on PATH"), again.describe());
    }

    @Test
    void pipxsFolderOffPathIsNamedWithPipxEnsurepath() {
        Prerequisites.command("pipx", "pipx");
        Path pipxBin = sandbox.testEnv().pipxBin();
        Proc.Result install = Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        String err = install.stderr();
        assertTrue(err.contains("safepip: hello-app is not on your PATH: " + pipxBin.resolve("hello-app")),
                install.describe());
        assertTrue(err.contains(pipxBin + " is not on your PATH: run `pipx ensurepath`, then open a new shell"),
                install.describe());
        assertEquals(1, count(err, "safepip: " + pipxBin + " is not on your PATH"), err);

        // Shell functions in use, and pipx's folder the one init --path adds: the profile line is offered instead.
        Map<String, String> functions = sandbox.env(index);
        functions.put("SAFEPIP_INIT", "bash");
        Proc.Result viaFunctions = Launcher.run(functions, cwd, "--via=pipx", "install", "--force", "hello-app");
        assertEquals(0, viaFunctions.exit(), viaFunctions.describe());
        assertTrue(viaFunctions.stderr().contains("eval \"$(safepip init bash --path)\""), viaFunctions.describe());

        // On PATH: nothing to say.
        Map<String, String> onPath = sandbox.env(index);
        onPath.put("PATH", pipxBin + ":" + onPath.get("PATH"));
        Proc.Result reached = Launcher.run(onPath, cwd, "--via=pipx", "install", "--force", "hello-app");
        assertEquals(0, reached.exit(), reached.describe());
        assertFalse(reached.stderr().contains("not on your PATH"), reached.describe());
    }

    @Test
    void aCommandShadowedByAnotherOfTheSameNameIsSaidAsSuch() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other-bin"));
        Path impostor = other.resolve("hello-app");
        Files.writeString(impostor, "#!/bin/sh\necho impostor\n");
        impostor.toFile().setExecutable(true);
        Map<String, String> env = sandbox.env(index);
        env.put("PATH", other + ":" + links() + ":" + env.get("PATH"));
        Proc.Result install = Launcher.run(env, cwd, "--via=venv", "install", "hello-app");
        assertEquals(0, install.exit(), install.describe());
        assertTrue(install.stderr().contains("hello-app is " + links().resolve("hello-app") + ", but your shell runs "
                + impostor), install.describe());

        Proc.Result where = Launcher.run(env, cwd, "where", "hello-app");
        assertEquals(0, where.exit(), where.describe());
        assertTrue(where.stdout().contains("command hello-app  " + links().resolve("hello-app")
                + "  not reached: hello-app on PATH is " + impostor), where.describe());
    }

    @Test
    void whereShowsEachCommandAndWhetherThePathReachesIt() throws IOException {
        Prerequisites.command("pipx", "pipx");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = 'x'\n");
        assertEquals(0, Launcher.run(sandbox.env(index), cwd, "--via=venv", "install", "two-tools", "plain-lib")
                .exit());
        assertEquals(0, Launcher.run(sandbox.env(index), project, "--via=venv", "install", "hello-app").exit());
        assertEquals(0, Launcher.run(sandbox.env(index), cwd, "--via=pipx", "install", "hello-app").exit());

        Proc.Result off = Launcher.run(sandbox.env(index), cwd, "where");
        assertEquals(0, off.exit(), off.describe());
        String out = off.stdout();
        assertTrue(out.contains("    command tool-one  " + links().resolve("tool-one") + "  not on PATH\n"), out);
        assertTrue(out.contains("    command tool-two  " + links().resolve("tool-two") + "  not on PATH\n"), out);
        assertTrue(out.contains("    command hello-app  " + project.resolve(".venv/bin/hello-app")
                + "  not on PATH\n"), out);
        assertTrue(out.contains("    command hello-app  " + sandbox.testEnv().pipxBin().resolve("hello-app")
                + "  not on PATH\n"), out);
        assertEquals(4, count(out, "    command "), "plain-lib has no command, nor not-a-tool: " + out);

        Map<String, String> env = sandbox.env(index);
        env.put("PATH", links() + ":" + sandbox.testEnv().pipxBin() + ":" + env.get("PATH"));
        Proc.Result on = Launcher.run(env, cwd, "where", "two-tools", "hello-app");
        assertEquals(0, on.exit(), on.describe());
        assertTrue(on.stdout().contains("    command tool-one  " + links().resolve("tool-one") + "  on PATH\n"),
                on.describe());
        assertTrue(on.stdout().contains("    command hello-app  " + sandbox.testEnv().pipxBin().resolve("hello-app")
                + "  on PATH\n"), on.describe());
        // The project's .venv is not active: its hello-app is not the one the shell runs (pipx's is).
        assertTrue(on.stdout().contains("    command hello-app  " + project.resolve(".venv/bin/hello-app")
                + "  not reached: hello-app on PATH is " + sandbox.testEnv().pipxBin().resolve("hello-app")),
                on.describe());
        Proc.Result ran = Proc.run(List.of("/bin/sh", "-c", "tool-one"), env, cwd, Duration.ofSeconds(30));
        assertEquals("tool-one\n", ran.stdout(), ran.describe());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
