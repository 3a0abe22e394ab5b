package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.TestEnv;
import dev.safepip.harness.Tmux;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a real terminal (tmux), pip run through safepip has the terminal, and Ctrl-C reaches it. */
class TerminalIT {
    @TempDir
    Path tmp;

    @Test
    void pipSeesATerminalOnAllThreeStreams() throws IOException {
        TestEnv testEnv = TestEnv.in(tmp.resolve("env"));
        ManagedPython managed = ManagedPython.create(tmp.resolve("managed"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path report = tmp.resolve("tty.txt");
        // A pip that notes what its streams are, then is the real pip.
        Path probe = bin.resolve("pip");
        Files.writeString(probe, "#!" + managed.python() + "\nimport os, sys\n"
                + "open(" + quote(report) + ", 'w').write(''.join('1' if os.isatty(fd) else '0' for fd in (0, 1, 2)))\n"
                + "from pip._internal.cli.main import main\nsys.exit(main())\n");
        probe.toFile().setExecutable(true);
        Map<String, String> env = testEnv.withPathFirst(bin);
        try (Tmux tmux = Tmux.start("tty", List.of(Launcher.script().toString(), "list"), env, tmp, 120, 40)) {
            assertEquals(0, tmux.waitForExit(Duration.ofSeconds(60)), tmux.capture());
        }
        assertEquals("111", Files.readString(report), "isatty of stdin, stdout, stderr as pip saw them");
    }

    @Test
    void ctrlCReachesPipAndSafepipExitsAsPipDid() throws Exception {
        TestEnv testEnv = TestEnv.in(tmp.resolve("env"));
        Path venv = tmp.resolve("venv");
        Process made = new ProcessBuilder("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString())
                .inheritIO().start();
        assertEquals(0, made.waitFor());
        // An index that accepts connections and never answers: pip waits until interrupted.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket ignored = silent.accept();
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> env = testEnv.map();
            env.put("SAFEPIP_PIP", "/usr/bin/pip");
            env.put("PIP_DEFAULT_TIMEOUT", "120");
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/simple/";
            // bash reports safepip's exit status on screen: tmux 3.3a sometimes misses the death of a pane's own
            // process after Ctrl-C and never reaps it. bash, unlike dash, outlives a Ctrl-C its child survived.
            List<String> argv = List.of("/bin/bash", "-c", "\"$@\"; echo \"EXIT=$?\"", "sh",
                    Launcher.script().toString(), "download", "--no-deps", "-d", tmp.resolve("dl").toString(),
                    "--index-url", url, "somepkg");
            try (Tmux tmux = Tmux.start("ctrlc", argv, env, tmp, 120, 40)) {
                tmux.waitFor("Looking in indexes", Duration.ofSeconds(60));
                Thread.sleep(500);
                long start = System.nanoTime();
                tmux.sendKeys("C-c");
                String screen = tmux.waitFor("EXIT=", Duration.ofSeconds(20));
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(screen.contains("Operation cancelled by user"), screen);
                // pip turns KeyboardInterrupt into its error status 1; safepip returns exactly that.
                assertTrue(screen.contains("EXIT=1"), screen);
                assertTrue(tookMs < 10_000, "took " + tookMs + " ms to stop");
            }
        }
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
