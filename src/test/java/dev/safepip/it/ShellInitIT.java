package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `safepip init` in real bash, zsh and fish, through the real launcher: what goes to safepip's JVM, what goes straight
 * to pip, and completion.
 */
class ShellInitIT {
    @TempDir
    Path tmp;
    TestEnv testEnv;
    Path bin;
    Path log;

    @BeforeEach
    void setUp() throws IOException {
        testEnv = TestEnv.in(tmp.resolve("env"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        log = tmp.resolve("calls.log");
        // Stand-ins that only say who was called with what: the routing is the shell code's whole job.
        for (String name : List.of("pip", "pip3")) {
            script(bin.resolve(name), "echo \"real-" + name + " $*\" >> '" + log + "'");
        }
        // A stand-in JVM: the launcher's rule is real, and what reaches safepip's JVM is recorded with the name the
        // function said it was called by.
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        script(jdk.resolve("bin/java"), "while [ $# -gt 0 ]; do case $1 in -Dsafepip.argv0=*) called=${1#*=} ;;"
                + " -cp) shift 3; break ;; esac; shift; done\n"
                + "echo \"safepip(${called##*/}) $*\" >> '" + log + "'");
    }

    static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        path.toFile().setExecutable(true);
    }

    String init(String shell, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("init", shell));
        args.addAll(List.of(extra));
        Proc.Result init = Launcher.run(testEnv.map(), tmp, args);
        assertEquals(0, init.exit(), init.describe());
        assertEquals("", init.stderr(), init.describe());
        // The generated code calls safepip by the launcher's absolute path.
        String code = init.stdout();
        assertTrue(code.contains(Launcher.script().toString()), code);
        Path file = tmp.resolve("init." + shell);
        Files.writeString(file, code);
        return file.toString();
    }

    Proc.Result inShell(String shell, String script) {
        Prerequisites.command(shell, shell);
        Map<String, String> env = testEnv.withPathFirst(bin);
        env.put("SAFEPIP_JAVA", tmp.resolve("jdk").toString());
        return Proc.run(List.of("/usr/bin/" + shell, "-c", script), env, tmp, Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void installAndUninstallGoThroughSafepipAndTheRestStraightToPip(String shell) throws IOException {
        String file = init(shell);
        String sourceTwice = "source " + file + "; source " + file + "; ";
        Proc.Result result = inShell(shell, sourceTwice + "pip list; pip --log /tmp/l install foo; "
                + "pip --proxy http://p:1 --python /usr/bin/python3 uninstall -y bar; pip --log install list; "
                + "pip3 -q install baz; pip3 freeze; pip help install; pip --version; pip install --help");
        assertEquals(0, result.exit(), result.describe());
        assertEquals(String.join("\n",
                "real-pip list",
                "safepip(pip) --log /tmp/l install foo",
                "safepip(pip) --proxy http://p:1 --python /usr/bin/python3 uninstall -y bar",
                "real-pip --log install list",
                "safepip(pip3) -q install baz",
                "real-pip3 freeze",
                "real-pip help install",
                "real-pip --version",
                // Help is pip's answer wherever pip reads it: PEP 668 cannot concern it (Pep668Rules agrees).
                "real-pip install --help") + "\n", Files.readString(log));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void thePathLineAddsEachFolderOnceHoweverOftenSourced(String shell) throws IOException {
        String file = init(shell, "--path");
        String show = shell.equals("fish") ? "string join : $PATH" : "echo $PATH";
        Proc.Result result = inShell(shell, "source " + file + "; source " + file + "; " + show);
        String path = result.stdout().strip();
        String links = testEnv.xdgData().resolve("safepip/bin").toString();
        assertEquals(1, path.split(links, -1).length - 1, path);
        assertFalse(path.contains("safepip/venv"), "never the venv's bin, with its python3: " + path);
        assertEquals(1, path.split(testEnv.pipxBin().toString(), -1).length - 1, path);
    }

    @Test
    void passThroughStartsNoJvmAndInstallReachesTheRealSafepip() throws IOException {
        ManagedPython managed = ManagedPython.create(tmp.resolve("managed"));
        Proc.Result init = Launcher.run(testEnv.map(), tmp, "init", "bash");
        Path file = tmp.resolve("real-init.bash");
        Files.writeString(file, init.stdout());
        Map<String, String> env = testEnv.withPathFirst(managed.bin());
        // With its jar missing the launcher fails at once (69): pip --version can only pass if no JVM was asked.
        env.put("SAFEPIP_JAR", tmp.resolve("no-such.jar").toString());
        Proc.Result version = Proc.run(List.of("/bin/bash", "-c", "source " + file + "; pip --version"), env, tmp,
                Duration.ofSeconds(60));
        assertEquals(0, version.exit(), version.describe());
        assertTrue(version.stdout().startsWith("pip "), version.describe());
        env.remove("SAFEPIP_JAR");
        Proc.Result install = Proc.run(List.of("/bin/bash", "-c", "source " + file + "; pip install somepkg"), env,
                tmp, Duration.ofSeconds(60));
        assertEquals(1, install.exit(), install.describe());
        assertTrue(install.stderr().contains("externally managed"), install.describe());
    }

    @Test
    void aPipShimOrASafepipNamedPipOnPathDoesNotLoop() throws IOException {
        ManagedPython managed = ManagedPython.create(tmp.resolve("managed"));
        Path shims = Files.createDirectories(tmp.resolve("shims"));
        script(shims.resolve("pip"), "exec '" + managed.pip() + "' \"$@\"");
        Path launcherAsPip = Files.createDirectories(tmp.resolve("aliased"));
        Files.createSymbolicLink(launcherAsPip.resolve("pip"), Launcher.script());
        Proc.Result init = Launcher.run(testEnv.map(), tmp, "init", "bash");
        Path file = tmp.resolve("real-init.bash");
        Files.writeString(file, init.stdout());
        for (Path first : List.of(shims, launcherAsPip)) {
            Map<String, String> env = TestEnv.withPathFirst(testEnv.withPathFirst(managed.bin()), first);
            Proc.Result list = Proc.run(List.of("/bin/bash", "-c", "source " + file + "; pip list --format=freeze"),
                    env, tmp, Duration.ofSeconds(60));
            assertEquals(0, list.exit(), first + ": " + list.describe());
            assertTrue(list.stdout().contains("pip=="), list.describe());
        }
    }

    @Test
    void bashCompletionOffersSafepipsWordsThenPips() throws IOException {
        Proc.Result init = Launcher.run(testEnv.map(), tmp, "init", "bash");
        Path file = tmp.resolve("real-init.bash");
        Files.writeString(file, init.stdout());
        Map<String, String> env = testEnv.map();
        String script = "source " + file + "\n"
                + "COMP_WORDS=(safepip --v); COMP_CWORD=1; _safepip_completion; echo \"own: ${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(safepip --via=venv install --no-d); COMP_CWORD=3; _safepip_completion; "
                + "echo \"pips: ${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(pip uninst); COMP_CWORD=1; _safepip_pip_completion; echo \"pip: ${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(safepip init ''); COMP_CWORD=2; _safepip_completion; echo \"init: ${COMPREPLY[*]}\"\n";
        Proc.Result result = Proc.run(List.of("/bin/bash", "-c", script), env, tmp, Duration.ofSeconds(60));
        String out = result.stdout();
        assertTrue(out.contains("own: ") && out.lines().filter(l -> l.startsWith("own: ")).findFirst().get()
                .contains("--via") && out.contains("--venv") && out.contains("--verbose"), result.describe());
        assertTrue(out.contains("pips: --no-deps"), result.describe());
        assertTrue(out.contains("pip: uninstall"), result.describe());
        assertTrue(out.contains("init: bash zsh fish --path"), result.describe());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Proc.Result result = Launcher.run(testEnv.map(), tmp, "init", "tcsh");
        assertEquals(64, result.exit(), result.describe());
        assertEquals(1, result.stderr().strip().lines().count(), result.describe());
    }
}
