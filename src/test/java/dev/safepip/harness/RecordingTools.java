package dev.safepip.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-ins for tools a test must not really run (sudo, apt-get; pipx where the real one is not the point): each
 * records its name and arguments, one call a line, changes nothing, and says it succeeded.
 */
public final class RecordingTools {
    private RecordingTools() {
    }

    /** Writes one stand-in per name into bin, all recording into log. */
    public static void write(Path bin, Path log, String... names) throws IOException {
        Files.createDirectories(bin);
        for (String tool : names) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\nprintf '%s %s\\n' \"" + tool + "\" \"$*\" >> '" + log + "'\n"
                    + "exit 0\n", StandardCharsets.UTF_8);
            script.toFile().setExecutable(true, false);
        }
    }
}
