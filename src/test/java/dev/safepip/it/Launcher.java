package dev.safepip.it;

import dev.safepip.harness.Proc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs safepip as a user would: through scripts/safepip and the packaged jar. */
final class Launcher {
    private Launcher() {
    }

    static Path root() {
        return Path.of(System.getProperty("safepip.root", ".")).toAbsolutePath().normalize();
    }

    static Path script() {
        return root().resolve("scripts").resolve("safepip");
    }

    static Proc.Result run(Map<String, String> env, Path cwd, String... args) {
        return run(env, cwd, List.of(args));
    }

    static Proc.Result run(Map<String, String> env, Path cwd, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(script().toString());
        argv.addAll(args);
        return Proc.run(argv, env, cwd, Duration.ofSeconds(120));
    }
}
