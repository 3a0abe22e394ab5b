package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.Tmux;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real terminal, `pip install` through safepip's shell functions (loaded as a user's ~/.bashrc does) that
 * leaves a command off PATH asks once whether to add --path to that profile line: yes changes that line alone, no
 * leaves the file byte for byte and is never asked again; a profile that is a link, or that others may write, is
 * never written, whatever the answer.
 */
class ProfileOfferIT {
    private static final Duration INSTALL = Duration.ofSeconds(180);
    private static final String QUESTION = "[y/N]";

    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path cwd;
    Path bashrc;
    String line;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"),
                WheelBuilder.of("hello-app", "1.0").consoleScript("hello-app", "hello_app:main")
                        .module("hello_app", "def main():\n    print('hello from hello-app')\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        cwd = Files.createDirectories(tmp.resolve("nowhere"));
        bashrc = sandbox.testEnv().home().resolve(".bashrc");
        line = "eval \"$(" + Launcher.script() + " init bash)\"";
    }

    private byte[] profile() {
        return ("# my settings\nexport EDITOR=vi\n" + line + "\nalias ll='ls -l'\n").getBytes(StandardCharsets.UTF_8);
    }

    /** pip install through the functions the profile loads, in bash on a terminal; returns the final screen. */
    private Tmux start(String name) {
        Map<String, String> env = sandbox.env(index);
        env.put("SAFEPIP_VIA", "venv");
        env.put("SHELL", "/bin/bash");
        String script = "source " + bashrc + "; pip install --force-reinstall hello-app; echo \"EXIT=$?\"";
        return Tmux.start(name, List.of("/bin/bash", "-c", script), env, cwd, 250, 60);
    }

    /** Waits for the question or the end; answers the question (if any) with answer. Returns whether it was asked. */
    private static boolean answer(Tmux tmux, String answer) {
        long deadline = System.nanoTime() + INSTALL.toNanos();
        while (System.nanoTime() < deadline) {
            String screen = tmux.capture();
            if (screen.contains("EXIT=")) {
                return false;
            }
            if (screen.contains(QUESTION)) {
                tmux.typeLine(answer);
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("neither the question nor the end came: " + tmux.capture());
    }

    @Test
    void yesAddsPathToThatLineAloneAndNewShellsFindTheCommand() throws IOException {
        Files.write(bashrc, profile());
        Files.setPosixFilePermissions(bashrc, PosixFilePermissions.fromString("rw-r-----"));
        try (Tmux tmux = start("offer-yes")) {
            assertTrue(answer(tmux, "y"), tmux.capture());
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertTrue(screen.contains("EXIT=0"), screen);
            assertTrue(screen.contains(bashrc + " now reads: eval \"$(" + Launcher.script() + " init bash --path)\""),
                    screen);
        }
        String expected = new String(profile(), StandardCharsets.UTF_8).replace(" init bash)", " init bash --path)");
        assertEquals(expected, Files.readString(bashrc), "only --path is added, to that line");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(bashrc)),
                "the profile keeps its mode");
        Proc.Result shell = Proc.run(List.of("/bin/bash", "-c", "source " + bashrc + "; hello-app"),
                sandbox.env(), cwd, Duration.ofSeconds(60));
        assertEquals("hello from hello-app\n", shell.stdout(), shell.describe());
    }

    @Test
    void noLeavesTheProfileByteForByteAndIsNeverAskedAgain() throws IOException {
        Files.write(bashrc, profile());
        try (Tmux tmux = start("offer-no")) {
            assertTrue(answer(tmux, "n"), tmux.capture());
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertTrue(screen.contains("EXIT=0"), screen);
            assertTrue(screen.contains("safepip will not ask again"), screen);
        }
        assertArrayEquals(profile(), Files.readAllBytes(bashrc));
        try (Tmux tmux = start("offer-again")) {
            assertFalse(answer(tmux, "y"), "asked a second time: " + tmux.capture());
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertTrue(screen.contains("add --path to the safepip line in " + bashrc), screen);
        }
        assertArrayEquals(profile(), Files.readAllBytes(bashrc));
    }

    /** Attack: a profile that is a link (into a folder anybody may write, say) is never written, nor replaced. */
    @Test
    void aProfileThatIsALinkIsNeverWritten() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("dotfiles")).resolve("bashrc");
        Files.write(real, profile());
        Files.createSymbolicLink(bashrc, real);
        try (Tmux tmux = start("offer-link")) {
            boolean asked = answer(tmux, "y");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertFalse(asked, screen);
            assertTrue(screen.contains("will not change " + bashrc + ": it is a symbolic link"), screen);
        }
        assertTrue(Files.isSymbolicLink(bashrc), "the link is still a link");
        assertArrayEquals(profile(), Files.readAllBytes(real));
    }

    /** Attack: a profile others may write could be changed under safepip: never written. */
    @Test
    void aProfileOthersMayWriteIsNeverWritten() throws IOException {
        Files.write(bashrc, profile());
        Files.setPosixFilePermissions(bashrc, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (Tmux tmux = start("offer-writable")) {
            boolean asked = answer(tmux, "y");
            String screen = tmux.waitFor("EXIT=", INSTALL);
            assertFalse(asked, screen);
            assertTrue(screen.contains("will not change " + bashrc + ": everybody may write to it"), screen);
        }
        assertArrayEquals(profile(), Files.readAllBytes(bashrc));
    }
}
