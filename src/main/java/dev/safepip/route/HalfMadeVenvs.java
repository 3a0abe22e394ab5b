package dev.safepip.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Remembers, in safepip's state folder, which venv is being created, so that one left half-made by a crash or an
 * interrupt is removed by the next run instead of being silently reused.
 */
public final class HalfMadeVenvs {
    private final Path dir;

    public HalfMadeVenvs(Path stateDir) {
        this.dir = stateDir.resolve("creating");
    }

    private Path note(Path venv) {
        return dir.resolve(StateLock.key(venv));
    }

    public void starting(Path venv) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(note(venv), venv.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
    }

    public void finished(Path venv) throws IOException {
        Files.deleteIfExists(note(venv));
    }

    public boolean wasInterrupted(Path venv) {
        return Files.isRegularFile(note(venv));
    }

    /** Removes what an earlier run left of the venv and forgets it. */
    public void remove(Path venv) throws IOException {
        if (Files.exists(venv, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(venv)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        finished(venv);
    }
}
