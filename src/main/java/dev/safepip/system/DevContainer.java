package dev.safepip.system;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.IoProblem;
import dev.safepip.core.Jsonc;
import dev.safepip.core.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A development container (VS Code Dev Containers, GitHub Codespaces, the devcontainers CLI): seen from a variable
 * the tools set, or from the project's `.devcontainer/devcontainer.json` / `.devcontainer.json`. In one built on a
 * Debian or Ubuntu image whose Python is the distribution's, PEP 668 blocks pip as anywhere else, and the lasting
 * fix is in that file (the Python feature with a version of its own), not in the shell.
 *
 * @param signal  the variable that says so, as NAME=value, or null when only the file does
 * @param file    the configuration file found at the project's root, or null
 * @param problem why that file could not be used (unsafe owner, too large, not JSON with comments), or null
 * @param feature the file's Python feature, or null when it has none (or could not be read)
 * @param hasFeatures the file has a "features" object (a new feature goes into it)
 */
public record DevContainer(String signal, Path file, String problem, PythonFeature feature, boolean hasFeatures) {
    /** The features' own id, as the devcontainers/features repository publishes it. */
    static final String PYTHON_FEATURE = "ghcr.io/devcontainers/features/python";
    /** The feature's default version (devcontainers/features src/python/devcontainer-feature.json). */
    static final String OS_PROVIDED = "os-provided";
    /** Configuration files are a few KB; a larger one is not the file these tools write. */
    static final int MAX_BYTES = 256 * 1024;

    /**
     * The Python feature as the file sets it.
     *
     * @param id      the id as written (any tag: ":1", ":1.x", none, or a digest)
     * @param options its options in file order; a feature given as a bare string is that string as "version"
     */
    public record PythonFeature(String id, Map<String, Object> options) {
        /** The version asked for, or null when none is (the feature then takes "os-provided"). */
        public String version() {
            Object version = options.get("version");
            return version instanceof String text ? text : null;
        }

        /** The distribution's Python: asked for by name, or by giving no version at all. */
        public boolean osProvided() {
            return OS_PROVIDED.equals(version()) || !options.containsKey("version");
        }
    }

    /**
     * The variables that say a process runs in a dev container, each as its tool documents or shows it:
     * REMOTE_CONTAINERS=true and REMOTE_CONTAINERS_IPC (a socket path) in VS Code Dev Containers' terminals and
     * processes (microsoft/vscode-remote-release#3517, the environment dumps in #7799 and #8963; DevPod sets
     * REMOTE_CONTAINERS=true too, loft-sh/devpod#905); CODESPACES=true, "always true while in a codespace" (GitHub
     * docs, "Default environment variables for your codespace"). DEVCONTAINER is no tool's: #3517 asked for it and
     * got REMOTE_CONTAINERS instead. The devcontainers CLI sets none: the file is how its containers are seen.
     */
    static String signal(Map<String, String> env) {
        if ("true".equals(env.get("REMOTE_CONTAINERS"))) {
            return "REMOTE_CONTAINERS=true";
        }
        if ("true".equals(env.get("CODESPACES"))) {
            return "CODESPACES=true";
        }
        String ipc = env.get("REMOTE_CONTAINERS_IPC");
        if (ipc != null && !ipc.isEmpty()) {
            return "REMOTE_CONTAINERS_IPC is set";
        }
        return null;
    }

    /**
     * The dev container this process runs in or this project defines, or null for neither. The file is looked for
     * in the working folder and each parent up to the one that holds `.git` (a project's root); it is only read,
     * and only when it and every folder above pass the same owner and mode check as a project's files do.
     *
     * @param trustedToo one more owner trusted (the user who ran sudo), or -1
     */
    public static DevContainer detect(Map<String, String> env, Path cwd, Ownership judge, int trustedToo) {
        String signal = signal(env);
        Path file = find(cwd);
        if (file == null) {
            return signal == null ? null : new DevContainer(signal, null, null, null, false);
        }
        String distrust = judge.chainProblem(file, trustedToo);
        if (distrust != null) {
            return new DevContainer(signal, file, "not read: " + distrust, null, false);
        }
        Object config;
        try {
            config = Jsonc.parse(BoundedFile.text(file, MAX_BYTES));
        } catch (IOException e) {
            return new DevContainer(signal, file, "could not be read: " + IoProblem.describe(e), null, false);
        } catch (Jsonc.Malformed e) {
            return new DevContainer(signal, file, "is not JSON with comments: " + e.getMessage(), null, false);
        }
        return of(signal, file, config);
    }

    /** What a parsed configuration says. */
    static DevContainer of(String signal, Path file, Object config) {
        if (!(config instanceof Map<?, ?> top)) {
            return new DevContainer(signal, file, "is not a JSON object", null, false);
        }
        if (!(top.get("features") instanceof Map<?, ?> features)) {
            return new DevContainer(signal, file, null, null, false);
        }
        for (Map.Entry<?, ?> entry : features.entrySet()) {
            String id = (String) entry.getKey();
            if (isPythonFeature(id)) {
                return new DevContainer(signal, file, null, new PythonFeature(id, options(entry.getValue())), true);
            }
        }
        return new DevContainer(signal, file, null, null, true);
    }

    private static Map<String, Object> options(Object value) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                options.put((String) entry.getKey(), entry.getValue());
            }
        } else if (value instanceof String version) {
            // The short form, "id": "3.12": the CLI takes a string as the feature's version.
            options.put("version", version);
        }
        return options;
    }

    /**
     * The official Python feature under any tag: `…/python`, `…/python:1`, `…/python:1.x`, `…/python@sha256:…`.
     * Nothing else that starts the same (`…/python-foo`), and no character outside a tag's: the id is shown again.
     */
    static boolean isPythonFeature(String id) {
        if (!id.startsWith(PYTHON_FEATURE)) {
            return false;
        }
        int rest = PYTHON_FEATURE.length();
        if (rest == id.length()) {
            return true;
        }
        char separator = id.charAt(rest);
        if (separator != ':' && separator != '@' || rest + 1 == id.length() || id.length() > rest + 80) {
            return false;
        }
        for (int i = rest + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean tagChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '-' || separator == '@' && c == ':';
            if (!tagChar) {
                return false;
            }
        }
        return true;
    }

    /** The configuration file in cwd or a parent, up to the folder that holds `.git`; null when there is none. */
    static Path find(Path cwd) {
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null && dir.getParent() != null;
                dir = dir.getParent()) {
            for (String name : new String[] {".devcontainer/devcontainer.json", ".devcontainer.json"}) {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    return file;
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    /** The Python feature asks for the distribution's Python: the cause of the block, to be named. */
    public boolean osProvided() {
        return feature != null && feature.osProvided();
    }
}
