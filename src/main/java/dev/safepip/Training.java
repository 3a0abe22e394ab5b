package dev.safepip;

import dev.safepip.core.World;
import dev.safepip.run.Safepip;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The training run behind the startup archive that scripts/install.sh makes: besides the pass-through, it takes
 * the blocked path once, against a pretend externally managed Python made of files only (its interpreter is an
 * empty file that is never run), so the classes of both paths are in the archive. Output goes nowhere.
 */
final class Training {
    private Training() {
    }

    static void warmUp(Path dir, World world) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path stdlib = Files.createDirectories(dir.resolve("lib/python3.99"));
            Path python = bin.resolve("python3.99");
            Files.writeString(python, "");
            python.toFile().setExecutable(true);
            Files.writeString(stdlib.resolve("os.py"), "");
            Files.writeString(stdlib.resolve("EXTERNALLY-MANAGED"),
                    "[externally-managed]\nError = training run\n", StandardCharsets.UTF_8);
            Path pip = bin.resolve("pip");
            Files.writeString(pip, "#!" + python + "\nimport sys\n");
            pip.toFile().setExecutable(true);
            Map<String, String> env = new HashMap<>(world.env());
            env.put("SAFEPIP_PIP", pip.toString());
            env.put("HOME", dir.toString());
            env.remove("XDG_CONFIG_HOME");
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            World trainee = new World(env, dir, world.tty(), world.launcher(), null, nowhere, nowhere, world.in());
            new Safepip(trainee).run(new String[] {"--via=fail", "install", "safepip-training"});
        } catch (IOException | RuntimeException e) {
            // A training run that fails only makes the archive smaller.
        }
    }
}
