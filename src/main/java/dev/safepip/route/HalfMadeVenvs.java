package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Remembers which venv safepip is creating, so that one left half-made by a crash or an interrupt is removed by the
 * next run instead of being silently reused — and proves, before removing anything, that the folder is still the one
 * safepip left: the user may have removed it and made a venv of their own there since.
 *
 * <p>The proof is a token: a random word in a note in safepip's state folder and in a file inside the venv folder,
 * written before `python -m venv` starts. A folder made again has no such file. A folder that holds files safepip
 * did not make, or that was written to well after the interrupted run, is kept: when in doubt, nothing is deleted.
 * The note also says whether safepip made the folder itself: a folder (or a symlink to one) that the user made
 * empty beforehand is emptied again, never removed.
 */
public final class HalfMadeVenvs {
    /** The token's file inside the venv folder while it is being made. */
    static final String TOKEN_FILE = ".safepip-creating";
    /** What `python -m venv` makes at the top of a venv (lib64 is a symlink on some systems). */
    private static final Set<String> VENV_ENTRIES = Set.of("bin", "include", "lib", "lib64", "pyvenv.cfg", "share",
            "Scripts", "Lib", "Include", TOKEN_FILE);
    /**
     * How long after the note the interrupted run may still have written (a slow ensurepip under load); a file newer
     * than this was written by somebody else since.
     */
    private static final Duration GRACE = Duration.ofMinutes(5);
    /** A half-made venv holds about a thousand files; one with far more has been used since. */
    private static final int MOST_ENTRIES = 20_000;

    private final Path dir;
    /** safepip's data folder: a venv made below it (the default venv) is made 0700, as safepip's own; or null. */
    private final Path ownData;
    private final StateFiles files = StateFiles.forThisProcess();

    public HalfMadeVenvs(Path stateDir) {
        this(stateDir, null);
    }

    public HalfMadeVenvs(Path stateDir, Path ownData) {
        this.dir = stateDir.resolve("creating");
        this.ownData = ownData == null ? null : ownData.toAbsolutePath().normalize();
    }

    /** What safepip noted before creating a venv. */
    public record Note(Path venv, String token, boolean madeFolder, Instant time) {
    }

    /** What the next run finds of a note. */
    public sealed interface Leftover permits Nothing, Ours, Changed {
    }

    /** No note, or one about a folder that is gone or was made again since: nothing to repair. */
    public record Nothing() implements Leftover {
    }

    /** The folder is the one safepip left half-made: it may be removed. */
    public record Ours(Note note) implements Leftover {
    }

    /** The folder carries safepip's token but has been changed since: kept, for the reason given. */
    public record Changed(Note note, String why) implements Leftover {
    }

    private Path notePath(Path venv) {
        return dir.resolve(StateLock.pathKey(venv));
    }

    /**
     * Before `python -m venv`: notes the venv, makes its folder when there is none (so the note can say safepip
     * made it) and puts the token inside.
     */
    public Note starting(Path venv) throws IOException {
        boolean made = !Files.exists(venv, LinkOption.NOFOLLOW_LINKS);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        Note note = new Note(venv.toAbsolutePath().normalize(), HexFormat.of().formatHex(random), made, Instant.now());
        // The note first: a crash before the folder exists leaves a note about nothing, which the next run drops.
        // Written whole to a new file and renamed into place: never through a link planted at the note's path.
        files.writeWhole(notePath(venv), ("venv=" + note.venv() + "\ntoken=" + note.token() + "\nmade=" + made
                + "\ntime=" + note.time().toEpochMilli() + "\n").getBytes(StandardCharsets.UTF_8));
        if (made && ownData != null && note.venv().startsWith(ownData)) {
            files.folder(venv);
        } else if (made) {
            Files.createDirectories(venv);
        }
        writeToken(venv.resolve(TOKEN_FILE), note.token());
        return note;
    }

    /**
     * The token goes in a folder that may be the user's (a project's .venv): created new, so a link or file already
     * there is never written through.
     */
    private static void writeToken(Path token, String text) throws IOException {
        Files.deleteIfExists(token);
        try (FileChannel channel = FileChannel.open(token, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer out = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }

    /** The venv is made: the token and the note go. */
    public void finished(Note note) throws IOException {
        Files.deleteIfExists(note.venv().resolve(TOKEN_FILE));
        Files.deleteIfExists(notePath(note.venv()));
    }

    /** Drops the note, leaving the folder as it is. */
    public void forget(Path venv) throws IOException {
        Files.deleteIfExists(notePath(venv));
    }

    /** What an earlier run left of this venv, judged by its note and the folder as it is now. */
    public Leftover check(Path venv) throws IOException {
        Note note = read(venv);
        if (note == null) {
            return new Nothing();
        }
        if (!Files.exists(venv, LinkOption.NOFOLLOW_LINKS) || !ownsToken(venv, note)) {
            // Gone, or made again by somebody else (no token of ours inside): not safepip's to repair.
            forget(venv);
            return new Nothing();
        }
        if (note.madeFolder() && Files.isSymbolicLink(venv)) {
            return new Changed(note, "safepip made it a folder, and it is now a symlink");
        }
        String why = changedSince(venv, note);
        return why == null ? new Ours(note) : new Changed(note, why);
    }

    /**
     * Removes what safepip made: the whole folder when safepip made it, else only what is inside, so that a folder
     * or symlink the user had made stays. Never follows a symlink out of the venv.
     */
    public void remove(Note note) throws IOException {
        Path venv = note.venv();
        if (Files.exists(venv, LinkOption.NOFOLLOW_LINKS)) {
            Path real = note.madeFolder() ? venv : venv.toRealPath();
            try (Stream<Path> walk = Files.walk(real)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (note.madeFolder() || !path.equals(real)) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
        forget(venv);
    }

    private Note read(Path venv) {
        String text;
        try {
            text = new String(BoundedFile.read(notePath(venv), 4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        String token = null;
        Boolean made = null;
        Instant time = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("token=")) {
                token = line.substring(6).strip();
            } else if (line.startsWith("made=")) {
                made = Boolean.parseBoolean(line.substring(5).strip());
            } else if (line.startsWith("time=")) {
                try {
                    time = Instant.ofEpochMilli(Long.parseLong(line.substring(5).strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (token == null || token.isEmpty() || made == null || time == null) {
            // A note of an older safepip (a path only) proves nothing: the folder is judged as it is.
            return null;
        }
        return new Note(venv.toAbsolutePath().normalize(), token, made, time);
    }

    private static boolean ownsToken(Path venv, Note note) {
        Path token = venv.resolve(TOKEN_FILE);
        if (Files.isSymbolicLink(token)) {
            return false;
        }
        try {
            return new String(BoundedFile.read(token, 256), StandardCharsets.UTF_8).strip().equals(note.token());
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the folder is no longer only what the interrupted run made, or null when it is. */
    private static String changedSince(Path venv, Note note) throws IOException {
        try (Stream<Path> entries = Files.list(venv)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !VENV_ENTRIES.contains(name)).sorted().limit(3).toList();
            if (!foreign.isEmpty()) {
                return "it holds files safepip did not make: " + String.join(", ", foreign);
            }
        }
        FileTime limit = FileTime.from(note.time().plus(GRACE));
        int seen = 0;
        Path real = note.madeFolder() ? venv : venv.toRealPath();
        try (Stream<Path> walk = Files.walk(real)) {
            for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                Path path = it.next();
                if (++seen > MOST_ENTRIES) {
                    return "it holds more files than a half-made venv does";
                }
                if (Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).compareTo(limit) > 0) {
                    return "it was written to after the interrupted run (" + real.relativize(path) + ")";
                }
            }
        }
        return null;
    }
}
