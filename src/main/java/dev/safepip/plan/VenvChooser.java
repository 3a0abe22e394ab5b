package dev.safepip.plan;

import dev.safepip.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the venv for a blocked install: the configured one; else the nearest `.venv` in this folder or a parent
 * (as uv does); else `.venv` at the root of the project this folder is in; else the user's default venv.
 */
public final class VenvChooser {
    private static final List<String> PROJECT_FILES = List.of("pyproject.toml", "setup.py", "setup.cfg", ".git");

    private final Path home;
    private final Path defaultVenv;

    public VenvChooser(Path home, Path defaultVenv) {
        this.home = home;
        this.defaultVenv = defaultVenv;
    }

    public VenvChoice choose(Setting<Path> configured, Path cwd) {
        if (configured.value() != null) {
            return choice(configured.value(), "set by " + configured.source());
        }
        for (Path dir = cwd; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".venv"))) {
                return choice(dir.resolve(".venv"), "the nearest .venv");
            }
        }
        for (Path dir = cwd; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            String marker = projectMarker(dir);
            if (marker != null) {
                return choice(dir.resolve(".venv"), "the project at " + shorten(dir) + " (" + marker + ")");
            }
        }
        return choice(defaultVenv, "no project here");
    }

    private static String projectMarker(Path dir) {
        for (String name : PROJECT_FILES) {
            if (Files.exists(dir.resolve(name))) {
                return name;
            }
        }
        // requirements*.txt by hand: a glob is compiled to a regex for every folder, a cold JVM's milliseconds. And
        // with java.io's list: JDK 25's directory stream starts java.lang.invoke for a lambda of its own.
        String[] names = dir.toFile().list();
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (isRequirementsFile(name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean isRequirementsFile(String name) {
        return name.startsWith("requirements") && name.endsWith(".txt")
                && name.length() >= "requirements.txt".length();
    }

    private VenvChoice choice(Path dir, String rule) {
        return new VenvChoice(dir, shorten(dir), rule);
    }

    /** The path with ~ for the home folder, as people write it. */
    public String shorten(Path path) {
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path) : path.toString();
    }
}
