package dev.safepip.shell;

import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a shell with this PATH runs a given file when the user types a command's name: the first executable of
 * that name on PATH wins, as the shell (and safepip's own {@link SearchPath}) finds it. The file counts as reached
 * when that first one is it, or a link to it (safepip's command links, pipx's bin folder).
 *
 * @param name   the command's name
 * @param file   the file the install made (a venv's bin/NAME)
 * @param first  the program the shell runs under that name, or null when there is none
 */
public record OnPath(String name, Path file, Path first) {
    public enum State { ON_PATH, NOT_ON_PATH, SHADOWED }

    public static OnPath check(String name, Path file, SearchPath path) {
        List<Path> hits = path.all(name);
        return new OnPath(name, file, hits.isEmpty() ? null : hits.get(0));
    }

    public State state() {
        if (first == null) {
            return State.NOT_ON_PATH;
        }
        return same(first, file) ? State.ON_PATH : State.SHADOWED;
    }

    /** The same file, however many links lead to it. */
    static boolean same(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
