package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The package names a blocked command concerns, from its arguments and its -r files, for the ledger. */
public final class RequirementFiles {
    private RequirementFiles() {
    }

    public static List<String> packageNames(BlockedCommand blocked, Path cwd) {
        Set<String> names = new LinkedHashSet<>();
        for (Requirement requirement : blocked.named()) {
            names.add(requirement.normalizedName());
        }
        for (String file : blocked.line().values("--requirement")) {
            names.addAll(namesIn(cwd.resolve(file), 0));
        }
        return List.copyOf(names);
    }

    private static List<String> namesIn(Path file, int depth) {
        List<String> names = new ArrayList<>();
        List<String> lines;
        try {
            lines = dev.safepip.core.BoundedFile.lines(file, 16 << 20);
        } catch (IOException e) {
            return names;
        }
        for (String raw : lines) {
            String line = raw.replaceAll("(^|\\s)#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith("-r ") || line.startsWith("--requirement")) && depth < 5) {
                String nested = line.replaceFirst("^(-r|--requirement)[ =]*", "").strip();
                names.addAll(namesIn(file.resolveSibling(nested), depth + 1));
            } else if (!line.startsWith("-")) {
                Requirement requirement = Requirement.parse(line);
                if (requirement.named()) {
                    names.add(requirement.normalizedName());
                }
            }
        }
        return names;
    }
}
