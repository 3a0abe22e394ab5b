package dev.safepip.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks commands up on a PATH value as a shell would: the first executable regular file wins. */
public final class SearchPath {
    private final List<Path> dirs;

    public SearchPath(String pathValue) {
        List<Path> found = new ArrayList<>();
        if (pathValue != null) {
            for (String dir : pathValue.split(":", -1)) {
                // An empty PATH entry means the current folder to a shell; safepip never runs from there.
                if (!dir.isEmpty() && dir.startsWith("/")) {
                    found.add(Path.of(dir));
                }
            }
        }
        this.dirs = List.copyOf(found);
    }

    /** The folders searched, in order. */
    public List<Path> dirs() {
        return dirs;
    }

    /** Every executable called name on PATH, in PATH order. */
    public List<Path> all(String name) {
        List<Path> hits = new ArrayList<>();
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (isExecutableFile(candidate)) {
                hits.add(candidate);
            }
        }
        return hits;
    }

    /** The first executable called name on PATH, or null. A name with a slash is taken as a path. */
    public Path find(String name) {
        if (name.contains("/")) {
            Path path = Path.of(name);
            return isExecutableFile(path) ? path.toAbsolutePath() : null;
        }
        List<Path> hits = all(name);
        return hits.isEmpty() ? null : hits.get(0);
    }

    public static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
