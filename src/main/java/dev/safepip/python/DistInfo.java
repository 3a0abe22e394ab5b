package dev.safepip.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds an installed distribution's metadata folder (`name-1.0.dist-info`) and who installed it. */
public final class DistInfo {
    private DistInfo() {
    }

    /** The dist-info (or egg-info) folder of a project in these site folders, or null. */
    public static Path find(List<Path> siteDirs, String normalizedName) {
        for (Path dir : siteDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String name : metadataFolders(dir)) {
                if (projectOf(name).equals(normalizedName)) {
                    return dir.resolve(name);
                }
            }
        }
        return null;
    }

    /**
     * The normalized names of every project in these site folders: one listing for many questions (a venv of
     * thousands of packages would otherwise be listed once for each).
     */
    public static Set<String> projects(List<Path> siteDirs) {
        Set<String> projects = new HashSet<>();
        for (Path dir : siteDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String name : metadataFolders(dir)) {
                projects.add(projectOf(name));
            }
        }
        return projects;
    }

    /**
     * Each project's metadata folder in these site folders, by normalized name (the first found wins, as for
     * {@link #find}): one listing for many questions.
     */
    public static java.util.Map<String, Path> byProject(List<Path> siteDirs) {
        java.util.Map<String, Path> found = new java.util.HashMap<>();
        for (Path dir : siteDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String name : metadataFolders(dir)) {
                found.putIfAbsent(projectOf(name), dir.resolve(name));
            }
        }
        return found;
    }

    /**
     * The names of the folder's entries that end in .dist-info or .egg-info; none when it cannot be read. Listed with
     * java.io and matched by hand: a glob is compiled to a regex, milliseconds of a blocked uninstall in a cold JVM.
     */
    private static List<String> metadataFolders(Path dir) {
        List<String> found = new ArrayList<>();
        String[] names = dir.toFile().list();
        if (names != null) {
            for (String name : names) {
                if (name.endsWith(".dist-info") || name.endsWith(".egg-info")) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** The normalized project name of a metadata folder: `Ruamel_YAML-0.18.dist-info` is ruamel-yaml's. */
    private static String projectOf(String file) {
        String project = file.substring(0, file.lastIndexOf('.'));
        int dash = project.indexOf('-');
        return normalize(dash < 0 ? project : project.substring(0, dash));
    }

    /** The version in a dist-info folder's name (`black-24.1.0.dist-info`), or null for an egg-info without one. */
    public static String version(Path distInfo) {
        String file = distInfo.getFileName().toString();
        String stem = file.substring(0, file.lastIndexOf('.'));
        int dash = stem.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String rest = stem.substring(dash + 1);
        // egg-info names go on with the Python version: `six-1.16.0-py3.11.egg-info`.
        int more = rest.indexOf('-');
        return more < 0 ? rest : rest.substring(0, more);
    }

    /** The INSTALLER file's first line ("pip", "debian"), or null. */
    public static String installer(Path distInfo) {
        try {
            List<String> lines = dev.safepip.core.BoundedFile.lines(distInfo.resolve("INSTALLER"), 4096);
            return lines.isEmpty() ? null : lines.get(0).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** A venv's site-packages folders (lib/pythonX.Y/site-packages, whatever X.Y is). */
    public static List<Path> venvSiteDirs(Path venv) {
        List<Path> dirs = new ArrayList<>();
        Path lib = venv.resolve("lib");
        // No lib folder: nothing is installed there.
        String[] names = lib.toFile().list();
        for (String name : names == null ? new String[0] : names) {
            if (name.startsWith("python")) {
                dirs.add(lib.resolve(name).resolve("site-packages"));
            }
        }
        return dirs;
    }

    /** Where a base interpreter keeps packages, Debian's dist-packages included. */
    public static List<Path> systemSiteDirs(Path prefix, String version) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(prefix.resolve("lib/python3/dist-packages"));
        if (version != null) {
            dirs.add(prefix.resolve("local/lib/python" + version + "/dist-packages"));
            dirs.add(prefix.resolve("lib/python" + version + "/dist-packages"));
            dirs.add(prefix.resolve("lib/python" + version + "/site-packages"));
        }
        return dirs;
    }

    public static String normalize(String name) {
        return ProjectName.normalize(name);
    }
}
