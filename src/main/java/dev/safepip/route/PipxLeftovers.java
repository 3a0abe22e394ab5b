package dev.safepip.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Remembers which application's pipx environment safepip has a pipx run at work on, so that one a crash or a kill
 * left half-made is repaired by the next run instead of passing for installed (pipx says "already installed" of any
 * non-empty folder) — and proves, before repairing, that the folder is still what that run left.
 *
 * <p>safepip cannot put a token inside the folder as it does for its own venvs (pipx would take the folder for an
 * installed application), so the proof is: a note written under the pipx lock before pipx starts, naming the folder
 * and the time, and saying whether the folder was absent then; the folder now holds only what pipx makes in an
 * environment, and nothing in it was written well after that run. Only a folder that was absent (so pipx made all
 * of it for safepip) may be removed by safepip itself, when `pipx uninstall` cannot.
 */
public final class PipxLeftovers {
    /** What pipx makes at the top of an application's environment (lib64 is a symlink on some systems). */
    private static final Set<String> PIPX_ENTRIES = Set.of("bin", "include", "lib", "lib64", "pyvenv.cfg", "share",
            PipxAppState.METADATA);
    /**
     * How long after the note the interrupted run (or the pip it left running) may still have written; a file newer
     * than this, counted from when the next run saw the last such process end, was written by somebody else.
     */
    private static final Duration GRACE = Duration.ofMinutes(30);
    /** A pipx environment of an application holds a few thousand files; far more means it was used since. */
    private static final int MOST_ENTRIES = 200_000;

    private final Path dir;

    public PipxLeftovers(Path stateDir) {
        this.dir = stateDir.resolve("pipx-working");
    }

    /** What safepip noted before starting pipx on an environment. */
    public record Note(Path venv, boolean wasAbsent, Instant time) {
    }

    /** What the next run finds of an application's environment. */
    public sealed interface Leftover permits Fine, Ours, NotOurs {
    }

    /** Absent or whole: nothing to repair. */
    public record Fine() implements Leftover {
    }

    /** Half-made by a safepip run that did not finish, and unchanged since: safepip repairs it. */
    public record Ours(Note note, String why) implements Leftover {
    }

    /** Half-made, and not provably what a safepip run left: kept, for the reasons given. */
    public record NotOurs(String why, String because) implements Leftover {
    }

    private Path notePath(Path venv) {
        return dir.resolve(StateLock.key(venv) + ".note");
    }

    /** Before pipx starts on venv: notes it, and whether it is absent now. */
    public Note starting(Path venv, String normalizedName) throws IOException {
        Note note = new Note(venv.toAbsolutePath().normalize(),
                PipxAppState.of(venv, normalizedName).kind() == PipxAppState.Kind.ABSENT, Instant.now());
        Files.createDirectories(dir);
        // Written beside, then moved over: a crash while writing leaves the old note or none, never half of one.
        Path temp = dir.resolve(StateLock.key(venv) + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temp);
        Files.writeString(temp, "venv=" + note.venv() + "\nabsent=" + note.wasAbsent() + "\ntime="
                + note.time().toEpochMilli() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        Files.move(temp, notePath(venv), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return note;
    }

    /** pipx has ended and left the environment absent or whole: the note goes. */
    public void forget(Path venv) throws IOException {
        Files.deleteIfExists(notePath(venv));
    }

    /**
     * What an earlier run left of this application's environment.
     *
     * @param quietSince when the last process an earlier safepip left at work ended (the next run waited for it),
     *                   or null
     */
    public Leftover check(Path venv, String normalizedName, Instant quietSince) throws IOException {
        PipxAppState state = PipxAppState.of(venv, normalizedName);
        if (state.kind() != PipxAppState.Kind.HALF_MADE) {
            forget(venv);
            return new Fine();
        }
        Note note = read(venv);
        if (note == null) {
            return new NotOurs(state.why(), "no safepip run was at work on it");
        }
        Instant since = quietSince != null && quietSince.isAfter(note.time()) ? quietSince : note.time();
        String changed = changedSince(venv, since);
        return changed == null ? new Ours(note, state.why()) : new NotOurs(state.why(), changed);
    }

    /**
     * Removes the folder a noted pipx run made, when pipx itself could not: only one that was absent before that
     * run. Never follows a symlink (a symlink inside is removed as a link).
     *
     * @return whether it is gone
     */
    public boolean removeFolder(Note note) throws IOException {
        Path venv = note.venv();
        if (!note.wasAbsent() || Files.isSymbolicLink(venv)) {
            return false;
        }
        if (Files.exists(venv, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> all = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(venv)) {
                for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                    all.add(it.next());
                }
            }
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        }
        forget(venv);
        return true;
    }

    private Note read(Path venv) {
        NoteText note = NoteText.read(notePath(venv));
        if (note == null) {
            return null;
        }
        String noted = note.raw("venv");
        Boolean absent = note.flag("absent");
        Instant time = note.time("time");
        Path here = venv.toAbsolutePath().normalize();
        if (noted == null || !noted.equals(here.toString()) || absent == null || time == null) {
            return null;
        }
        return new Note(here, absent, time);
    }

    /** Why the folder is no longer only what pipx made for the noted run, or null when it is. */
    private static String changedSince(Path venv, Instant since) throws IOException {
        if (Files.isSymbolicLink(venv)) {
            return "it is a symlink";
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(venv)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // Python 3.13's venv writes its .gitignore into every environment pipx makes with it.
                if (!PIPX_ENTRIES.contains(name)
                        && !(name.equals(".gitignore") && HalfMadeVenvs.isVenvsGitignore(entry))) {
                    return "it holds " + name + ", which pipx does not make";
                }
            }
        }
        FileTime limit = FileTime.from(since.plus(GRACE));
        int seen = 0;
        try (Stream<Path> walk = Files.walk(venv)) {
            for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                Path path = it.next();
                if (++seen > MOST_ENTRIES) {
                    return "it holds more files than a half-made environment does";
                }
                if (Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).compareTo(limit) > 0) {
                    return "it was written to after the interrupted run (" + venv.relativize(path) + ")";
                }
            }
        }
        return null;
    }
}
