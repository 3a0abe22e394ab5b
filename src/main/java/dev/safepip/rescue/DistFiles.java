package dev.safepip.rescue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a distribution's own files say: the commands it installed, its entry points, its top-level modules. */
final class DistFiles {
    private static final long MAX_FILE = 4L << 20;

    private DistFiles() {
    }

    /** The files its RECORD lists in a bin folder (relative to the site folder, such as ../../../bin/black). */
    static List<Path> scripts(Path distInfo, Path site) {
        List<Path> scripts = new ArrayList<>();
        for (String line : lines(distInfo.resolve("RECORD"))) {
            String file = csvFirst(line);
            Path path = site.resolve(file).normalize();
            Path parent = path.getParent();
            if (file.startsWith("..") && parent != null && parent.getFileName() != null
                    && parent.getFileName().toString().equals("bin")) {
                scripts.add(path);
            }
        }
        return scripts;
    }

    /** The names in its entry_points.txt's [console_scripts] and [gui_scripts] sections. */
    static List<String> entryPoints(Path distInfo) {
        List<String> names = new ArrayList<>();
        boolean inScripts = false;
        for (String raw : lines(distInfo.resolve("entry_points.txt"))) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inScripts = line.equals("[console_scripts]") || line.equals("[gui_scripts]");
            } else if (inScripts && line.contains("=") && !line.startsWith("#")) {
                names.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        return names;
    }

    /** Its top-level modules: top_level.txt, else the first part of each RECORD path; at most five. */
    static List<String> modules(Path distInfo) {
        Set<String> modules = new LinkedHashSet<>();
        List<String> topLevel = lines(distInfo.resolve("top_level.txt"));
        if (!topLevel.isEmpty()) {
            topLevel.forEach(m -> modules.add(m.strip()));
        } else {
            for (String line : lines(distInfo.resolve("RECORD"))) {
                String file = csvFirst(line);
                int slash = file.indexOf('/');
                String first = slash < 0 ? file : file.substring(0, slash);
                if (first.endsWith(".dist-info") || first.endsWith(".data") || first.startsWith("..")
                        || first.equals("__pycache__")) {
                    continue;
                }
                if (slash < 0) {
                    if (!first.endsWith(".py")) {
                        continue;
                    }
                    first = first.substring(0, first.length() - 3);
                }
                modules.add(first);
            }
        }
        return modules.stream().filter(m -> m.matches("[A-Za-z_][A-Za-z0-9_]*")).limit(5).toList();
    }

    private static String csvFirst(String line) {
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            return end < 0 ? line.substring(1) : line.substring(1, end);
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    private static List<String> lines(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
