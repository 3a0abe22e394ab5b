package dev.safepip.rescue;

import dev.safepip.python.ProjectName;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.IsolatedPython;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `pip check` of the system Python, its complaints laid at the doors of the strays they concern: the one whose
 * requirement is broken (`x 1.0 has requirement y>=2, but you have y 1.0.`, `x 1.0 requires y, which is not
 * installed.`) and the one whose version breaks it (`but you have y 1.0`).
 */
final class PipCheck {
    private static final Pattern HAVE = Pattern.compile("but you have (\\S+) ");

    private PipCheck() {
    }

    /** The complaints by normalized name of the projects they name; empty when pip check is content or fails. */
    static Map<String, List<String>> run(Path python, Map<String, String> env) {
        Map<String, List<String>> byName = new HashMap<>();
        CapturedCommand.Result result;
        try {
            result = CapturedCommand.run(List.of(python.toString(), "-m", "pip", "check"), env,
                    IsolatedPython.MODULE_CWD,
                    Duration.ofSeconds(60));
        } catch (IOException e) {
            return byName;
        }
        if (result.timedOut()) {
            return byName;
        }
        for (String line : result.stdout().lines().toList()) {
            if (line.isBlank() || line.startsWith("No broken requirements")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space > 0) {
                byName.computeIfAbsent(ProjectName.normalize(line.substring(0, space)), k -> new ArrayList<>())
                        .add(line.strip());
            }
            Matcher have = HAVE.matcher(line);
            if (have.find()) {
                byName.computeIfAbsent(ProjectName.normalize(have.group(1)), k -> new ArrayList<>()).add(line.strip());
            }
        }
        return byName;
    }
}
