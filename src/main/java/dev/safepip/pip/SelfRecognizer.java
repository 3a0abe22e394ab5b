package dev.safepip.pip;

import dev.safepip.python.Shebang;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Tells whether a `pip` found on PATH is really safepip: a symlink to the launcher, a copy of it, or a small shell
 * wrapper that calls it. Python scripts are never safepip (a venv made by safepip has "safepip" in its shebang).
 */
public final class SelfRecognizer {
    /** A line every copy of scripts/safepip carries. */
    static final String LAUNCHER_MARK = "safepip-launcher";
    /** Compiled only when a shell script has to be read: most pips are Python scripts. */
    private static final class Calls {
        static final Pattern SAFEPIP = Pattern.compile("(^|[\\s/\"'=])safepip([\\s\"';]|$)", Pattern.MULTILINE);
    }

    private final Path launcher;

    /** @param launcher the real path of the running launcher, or null */
    public SelfRecognizer(Path launcher) {
        this.launcher = launcher;
    }

    public boolean isSafepip(Path candidate) {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            return false;
        }
        if (real.equals(launcher)) {
            return true;
        }
        String head;
        try (InputStream in = new FileInputStream(real.toFile())) {
            head = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (!head.startsWith("#!")) {
            return false;
        }
        if (head.contains(LAUNCHER_MARK)) {
            return true;
        }
        int end = head.indexOf('\n');
        String shebang = end < 0 ? head : head.substring(0, end);
        if (shebang.contains("python")) {
            return false;
        }
        return Calls.SAFEPIP.matcher(withoutComments(head.substring(Math.max(end, 0)))).find();
    }

    private static String withoutComments(String script) {
        StringBuilder kept = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.stripLeading().startsWith("#")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    static boolean isPython(Path path) {
        return Shebang.isPythonName(path.getFileName().toString());
    }
}
