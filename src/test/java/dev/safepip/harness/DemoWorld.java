package dev.safepip.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway world for scripts/demo and scripts/bench, made of the test harness's own pieces: an externally
 * managed Python, two wheels (a library and an application) and a local package index on 127.0.0.1. Prints
 * `python-bin=…` and `index-url=…`, then `ready`, and serves until its standard input closes.
 */
public final class DemoWorld {
    private DemoWorld() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoWorld DIR");
            System.exit(64);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        ManagedPython python = ManagedPython.create(dir.resolve("python"), ("[externally-managed]\n"
                + "Error = This demo Python is externally managed, like Debian's.\n"
                + "  To install Python packages, use a virtual environment (python3 -m venv) or pipx.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        WheelBuilder.of("hello-safepip", "1.0")
                .module("hello_safepip", "GREETING = 'hello from a package safepip installed'\n").build(wheels);
        WheelBuilder.of("cowsay-lite", "1.0").consoleScript("cowsay-lite", "cowsay_lite:main")
                .classifier("Environment :: Console")
                .module("cowsay_lite", "import sys\ndef main():\n    print('(moo) ' + ' '.join(sys.argv[1:]))\n")
                .build(wheels);
        try (LocalIndex index = LocalIndex.serve(wheels)) {
            System.out.println("python-bin=" + python.bin());
            System.out.println("index-url=" + index.url());
            System.out.println("ready");
            System.out.flush();
            // Serve until whoever started us closes our stdin (or kills us).
            while (System.in.read() >= 0) {
                // Input is ignored; only its end matters.
            }
        }
    }
}
