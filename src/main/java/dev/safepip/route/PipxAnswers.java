package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * pipx's answer to `pipx environment`, kept in safepip's cache folder: asking starts a Python (about 0.2 s of CPU,
 * beside pip's look on every blocked install that may take the pipx route), while the answer changes only with pipx
 * itself or with what pipx reads. So the answer is kept with all of that: pipx's real path, size and modification
 * time (an upgrade rewrites the script), HOME, every PIPX_* and XDG_* variable, and whether pipx's two default
 * folders exist (from pipx 1.2, ~/.local/pipx is kept where it is). Any difference asks pipx again; the first run
 * always does. Read only from a folder that passes safepip's checks (its user's or root's, nobody else may write),
 * written whole through {@link StateFiles}.
 */
final class PipxAnswers {
    private static final String FIRST = "safepip: pipx environment, 1";

    private final Path file;
    private final List<String> key;

    private PipxAnswers(Path file, List<String> key) {
        this.file = file;
        this.key = key;
    }

    /** For this pipx and these variables, or null when pipx's file cannot be read (then pipx is simply asked). */
    static PipxAnswers of(Path cacheDir, Path pipx, Map<String, String> env, Path userHome) {
        List<String> key = new ArrayList<>();
        try {
            Path real = pipx.toRealPath();
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            key.add("pipx " + real);
            key.add("stamp " + attrs.size() + " " + attrs.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
        key.add("home " + userHome);
        // Sorted, so that the same variables always make the same key.
        Map<String, String> read = new TreeMap<>();
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("PIPX_") || name.startsWith("XDG_") || name.equals("HOME")) {
                read.put(name, entry.getValue());
            }
        }
        for (Map.Entry<String, String> entry : read.entrySet()) {
            key.add("env " + entry.getKey() + "=" + entry.getValue());
        }
        String dataHome = env.get("XDG_DATA_HOME");
        Path data = dataHome == null || dataHome.isEmpty() ? userHome.resolve(".local/share") : Path.of(dataHome);
        for (Path folder : new Path[] {userHome.resolve(".local/pipx"), userHome.resolve(".local/share/pipx"),
                data.resolve("pipx")}) {
            key.add("exists " + folder + " " + Files.isDirectory(folder));
        }
        for (int i = 0; i < key.size(); i++) {
            // One line each, whatever a variable holds.
            key.set(i, key.get(i).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
        }
        return new PipxAnswers(cacheDir.resolve("pipx-environment"), key);
    }

    /** pipx's PIPX_HOME and PIPX_BIN_DIR as last answered for the same key, or null. */
    String[] read() {
        try {
            StateFiles.forThisProcess().checkFolder(file.getParent());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            List<String> lines = BoundedFile.lines(file, 256 * 1024);
            if (lines.size() != key.size() + 3 || !lines.get(0).equals(FIRST)
                    || !lines.subList(1, key.size() + 1).equals(key)) {
                return null;
            }
            String home = lines.get(key.size() + 1);
            String bin = lines.get(key.size() + 2);
            return home.isEmpty() || bin.isEmpty() ? null : new String[] {home, bin};
        } catch (IOException e) {
            // No answer kept, or not in a folder safepip trusts: pipx is asked.
            return null;
        }
    }

    /** Keeps pipx's answer; a cache that cannot be written only costs the next run the same question. */
    void write(String home, String bin) {
        if (home.contains("\n") || bin.contains("\n")) {
            return;
        }
        StringBuilder text = new StringBuilder(FIRST).append('\n');
        for (String line : key) {
            text.append(line).append('\n');
        }
        text.append(home).append('\n').append(bin).append('\n');
        try {
            StateFiles.forThisProcess().writeWhole(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Asked again next time.
        }
    }
}
