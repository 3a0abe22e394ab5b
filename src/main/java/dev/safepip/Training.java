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
 * the blocked path once, and the look of --plan once, against a pretend externally managed Python made of files only
 * (its interpreter is an empty file, which the look runs and which answers nothing), so the classes of all three
 * paths are in the archive. Output goes nowhere.
 */
final class Training {
    private Training() {
    }

    /** A look report for a one-command wheel, in the shape look.py prints it (its directory as base64). */
    private static String report() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String name : new String[] {"safepip_training/__init__.py",
                    "safepip_training-1.0.dist-info/entry_points.txt", "safepip_training-1.0.dist-info/METADATA"}) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write("x\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        byte[] whole = bytes.toByteArray();
        // The end record (no comment) says where the directory is and how long.
        java.nio.ByteBuffer end = java.nio.ByteBuffer.wrap(whole, whole.length - 22, 22)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int size = end.getInt(whole.length - 22 + 12);
        int offset = end.getInt(whole.length - 22 + 16);
        String directory = java.util.Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOfRange(whole, offset, offset + size));
        return "{\"version\": \"1\", \"install\": [{\"metadata\": {\"name\": \"safepip-training\", \"version\": "
                + "\"1.0\"}, \"download_info\": {\"url\": \"https://training.invalid/safepip_training-1.0-py3-none-any.whl\"}, "
                + "\"safepip_wheel\": {\"directory_length\": " + directory.length() + ", \"directory\": \"" + directory
                + "\", \"count\": 3, \"entry_points\": \"[console_scripts]\\nsafepip-training = safepip_training:main\\n\", "
                + "\"metadata\": \"Name: safepip-training\\nVersion: 1.0\\nClassifier: Environment :: Console\\n\", "
                + "\"fetched\": 1, \"requests\": 1}}]}";
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
            // And the look before a menu or --plan (pip's look in a thread, its process, the report and the wheel's
            // directory, the classifier): its classes, commons-exec's lambdas among them, would otherwise be loaded
            // and checked while the user waits. The interpreter, now a script, prints a report as the look script
            // would; with only the training's own folder on PATH, no apt or pipx is asked.
            env.put("PATH", bin.toString());
            // printf, a builtin: nothing else is on that PATH (the report holds no single quote).
            Files.writeString(python, "#!/bin/sh\nprintf '%s\\n' '" + report() + "'\n");
            World looking = new World(env, dir, world.tty(), world.launcher(), null, nowhere, nowhere, world.in());
            new Safepip(looking).run(new String[] {"--plan", "install", "safepip-training"});
        } catch (IOException | RuntimeException e) {
            // A training run that fails only makes the archive smaller.
        }
    }
}
