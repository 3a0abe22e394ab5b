package dev.safepip.pip;

import dev.safepip.python.IniParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds pip settings outside the command line that can lift or reroute pip's PEP 668 check
 * (PIP_BREAK_SYSTEM_PACKAGES, `break-system-packages = true` in /etc/pip.conf as on GitHub's runners, a target…).
 * When one is there, only pip can say whether it applies, so safepip lets pip decide and watches its answer.
 */
public final class PipOverrides {
    static final List<String> KEYS = List.of("break-system-packages", "target", "prefix", "root",
            "require-virtualenv", "require-venv", "python", "report", "dry-run");

    private final Map<String, String> env;
    private final Path home;

    public PipOverrides(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** A one-line description of the first override found for this command, or null when there is none. */
    public String find(String command, Path sitePrefix) {
        for (String key : KEYS) {
            String name = "PIP_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            if (env.get(name) != null) {
                return name + " is set in the environment";
            }
        }
        for (Path file : configFiles(sitePrefix)) {
            String found = findIn(file, command);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Where the user's pip configuration asks for `--user` installs (PIP_USER, or `user = true` under [global] or
     * [install]), in words, or null when it does not. Inside a venv pip refuses those.
     */
    public String userInstalls() {
        String variable = env.get("PIP_USER");
        if (variable != null && truthy(variable)) {
            return "PIP_USER is set in the environment";
        }
        for (Path file : configFiles(null)) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                Map<String, Map<String, String>> sections = IniParser.parse(dev.safepip.core.BoundedFile.text(file, 1 << 20));
                for (String section : new String[] {"global", "install"}) {
                    String value = sections.getOrDefault(section, Map.of()).get("user");
                    if (value != null && truthy(value)) {
                        return "user = " + value.strip() + " is set in " + file;
                    }
                }
            } catch (IOException | IniParser.ParseError | java.io.UncheckedIOException e) {
                // A file pip cannot read either says nothing about --user.
            }
        }
        return null;
    }

    /** pip's strtobool: 1, yes, true, on (any case). */
    private static boolean truthy(String value) {
        return List.of("1", "yes", "y", "true", "t", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** pip's configuration files in the order pip loads them (pip/_internal/configuration.py). */
    public List<Path> configFiles(Path sitePrefix) {
        List<Path> files = new ArrayList<>();
        String dirs = env.get("XDG_CONFIG_DIRS");
        for (String dir : (dirs == null || dirs.isEmpty() ? "/etc/xdg" : dirs).split(":")) {
            if (!dir.isEmpty()) {
                files.add(Path.of(dir, "pip", "pip.conf"));
            }
        }
        files.add(Path.of("/etc/pip.conf"));
        String envFile = env.get("PIP_CONFIG_FILE");
        // pip skips the user's files when PIP_CONFIG_FILE names a file that exists (such as /dev/null).
        if (envFile == null || envFile.isEmpty() || !Files.exists(Path.of(envFile))) {
            files.add(home.resolve(".pip/pip.conf"));
            String xdg = env.get("XDG_CONFIG_HOME");
            Path configHome = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".config");
            files.add(configHome.resolve("pip/pip.conf"));
        }
        if (sitePrefix != null) {
            files.add(sitePrefix.resolve("pip.conf"));
        }
        if (envFile != null && !envFile.isEmpty()) {
            files.add(Path.of(envFile));
        }
        return files;
    }

    private static String findIn(Path file, String command) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Map<String, String>> sections;
        try {
            sections = IniParser.parse(dev.safepip.core.BoundedFile.text(file, 1 << 20));
        } catch (IOException | IniParser.ParseError | java.io.UncheckedIOException e) {
            return file + " cannot be read by safepip";
        }
        for (String section : new String[] {"global", command}) {
            Map<String, String> values = sections.get(section);
            if (values == null) {
                continue;
            }
            for (String key : values.keySet()) {
                String normalized = key.replace('_', '-');
                normalized = normalized.startsWith("--") ? normalized.substring(2) : normalized;
                if (KEYS.contains(normalized)) {
                    return normalized + " is set in " + file;
                }
            }
        }
        return null;
    }
}
