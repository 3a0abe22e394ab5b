package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
 * The token alone is not enough: `python -m venv` run again in place (without --clear) keeps it, so a working venv
 * the user made over the leftovers would pass. The folder must also hold no package ensurepip did not put there, and
 * its pyvenv.cfg must be the first run's (written just after the token, older than everything venv wrote after it).
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
    /**
     * How long after the token `python -m venv` writes pyvenv.cfg: it is its first file, written within a second of
     * the start; this allows for a machine under heavy load. Later, and it was another venv run.
     */
    private static final Duration FIRST_WRITE = Duration.ofSeconds(60);
    /** Python 3.13's venv writes it into every venv (unless --without-scm-ignore-files). */
    private static final String GITIGNORE = ".gitignore";
    private static final String VENV_GITIGNORE_COMMENT =
            "# Created by venv; see https://docs.python.org/3/library/venv.html";
    /** What ensurepip puts in site-packages; a `NAME-VERSION.dist-info` of these names too. */
    private static final Set<String> ENSUREPIP_ENTRIES = Set.of("pip", "setuptools", "pkg_resources",
            "_distutils_hack", "distutils-precedence.pth");
    /** Top-level entries `python -m venv` writes before pyvenv.cfg (with safepip's token, written before it). */
    private static final Set<String> WRITTEN_BEFORE_CFG = Set.of("lib64", GITIGNORE, TOKEN_FILE, "pyvenv.cfg");
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
        NoteText note = NoteText.read(notePath(venv));
        if (note == null) {
            return null;
        }
        String token = note.text("token");
        Boolean made = note.flag("made");
        Instant time = note.time("time");
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

    /**
     * Why the folder is no longer only what the interrupted run made, or null when it is. Each check is evidence
     * that the folder is exactly one interrupted `python -m venv` and nothing else; when any fails, it is kept.
     */
    private static String changedSince(Path venv, Note note) throws IOException {
        Path real = note.madeFolder() ? venv : venv.toRealPath();
        String foreign = foreignEntries(real);
        if (foreign != null) {
            return "it holds files safepip did not make: " + foreign;
        }
        String packages = foreignPackages(real);
        if (packages != null) {
            return "it holds packages safepip did not install: " + packages;
        }
        String remade = madeAgain(real);
        if (remade != null) {
            return "a venv was made in it again since (" + remade + ")";
        }
        FileTime limit = FileTime.from(note.time().plus(GRACE));
        String later = newerThan(real, limit);
        if (later != null) {
            return "it was written to after the interrupted run (" + later + ")";
        }
        return null;
    }

    /** Up to three top-level names `python -m venv` does not make, sorted; or null. */
    private static String foreignEntries(Path venv) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(venv)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!VENV_ENTRIES.contains(name) && !(name.equals(GITIGNORE) && isVenvsGitignore(entry))) {
                    names.add(name);
                }
            }
        }
        return firstThree(names);
    }

    /**
     * Whether this .gitignore is the one `python -m venv` writes (Python 3.13 on; CPython's Lib/venv/__init__.py,
     * create_git_ignore_file): its comment line and `*`, or `*` alone. Anything else in it is the user's.
     */
    static boolean isVenvsGitignore(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String text;
        try {
            text = new String(BoundedFile.read(file, 512), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        boolean star = false;
        for (String line : text.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.equals("*") && !star) {
                star = true;
            } else if (!l.isEmpty() && !l.equals(VENV_GITIGNORE_COMMENT)) {
                return false;
            }
        }
        return star;
    }

    /**
     * Up to three entries of site-packages that ensurepip does not put there (pip; setuptools and its helpers on
     * Pythons before 3.12; pkg_resources-0.0.0 on old Debian and Ubuntu); or null. A package the user installed
     * with the venv's pip shows here.
     */
    private static String foreignPackages(Path venv) throws IOException {
        List<String> names = new ArrayList<>();
        Path lib = venv.resolve("lib");
        if (!Files.isDirectory(lib, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib)) {
            for (Path python : pythons) {
                Path sitePackages = python.resolve("site-packages");
                if (!Files.isDirectory(sitePackages, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(sitePackages)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString();
                        if (!isEnsurepips(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return firstThree(names);
    }

    private static boolean isEnsurepips(String name) {
        if (ENSUREPIP_ENTRIES.contains(name)) {
            return true;
        }
        int dash = name.indexOf('-');
        return dash > 0 && name.endsWith(".dist-info") && ENSUREPIP_ENTRIES.contains(name.substring(0, dash));
    }

    /**
     * Why the folder shows a second `python -m venv` run over the first, or null. One run writes pyvenv.cfg first
     * (only the folders, lib64 and, from 3.13, .gitignore come before it) and everything else after it, within
     * moments of safepip writing the token; a venv made again in place rewrites pyvenv.cfg but keeps the older
     * bin/python links and pip files the first run left. A file older than the token is a copy that kept its
     * source's time (Python 3.13's venv copies bin/Activate.ps1 so), no sign of either run. Clocks only move these
     * the safe way: a folder kept.
     */
    private static String madeAgain(Path venv) throws IOException {
        Path cfg = venv.resolve("pyvenv.cfg");
        if (!Files.isRegularFile(cfg, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        FileTime cfgTime = Files.getLastModifiedTime(cfg, LinkOption.NOFOLLOW_LINKS);
        FileTime tokenTime = Files.getLastModifiedTime(venv.resolve(TOKEN_FILE), LinkOption.NOFOLLOW_LINKS);
        if (cfgTime.toMillis() - tokenTime.toMillis() > FIRST_WRITE.toMillis()) {
            return "its pyvenv.cfg was written " + (cfgTime.toMillis() - tokenTime.toMillis()) / 1000
                    + " s after safepip began";
        }
        List<Path> pending = new ArrayList<>();
        pending.add(venv);
        int seen = 0;
        while (!pending.isEmpty()) {
            Path folder = pending.remove(pending.size() - 1);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (++seen > MOST_ENTRIES) {
                        return null; // newerThan names it
                    }
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isDirectory()) {
                        pending.add(entry);
                    } else if (!(folder.equals(venv) && WRITTEN_BEFORE_CFG.contains(entry.getFileName().toString()))
                            && attributes.lastModifiedTime().compareTo(cfgTime) < 0
                            && attributes.lastModifiedTime().compareTo(tokenTime) >= 0) {
                        return "its pyvenv.cfg is newer than " + venv.relativize(entry);
                    }
                }
            }
        }
        return null;
    }

    /** The first entry written after the limit, or a note that there are too many to be a half-made venv; or null. */
    private static String newerThan(Path venv, FileTime limit) throws IOException {
        List<Path> pending = new ArrayList<>();
        pending.add(venv);
        int seen = 0;
        if (Files.getLastModifiedTime(venv, LinkOption.NOFOLLOW_LINKS).compareTo(limit) > 0) {
            return ".";
        }
        while (!pending.isEmpty()) {
            Path folder = pending.remove(pending.size() - 1);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (++seen > MOST_ENTRIES) {
                        return "it holds more files than a half-made venv does";
                    }
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.lastModifiedTime().compareTo(limit) > 0) {
                        return venv.relativize(entry).toString();
                    }
                    if (attributes.isDirectory()) {
                        pending.add(entry);
                    }
                }
            }
        }
        return null;
    }

    private static String firstThree(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        names.sort(null);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size() && i < 3; i++) {
            out.append(i == 0 ? "" : ", ").append(names.get(i));
        }
        return out.toString();
    }
}
