package dev.safepip.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * How safepip writes into its own folders (state, data, cache), which it runs in front of every pip call, root's
 * included: a folder it makes is its user's alone (0700); before each write the folder and every folder above it
 * must be this user's or root's with nobody else able to write ({@link Ownership}); and nothing is written through a
 * symbolic link: files are opened with NOFOLLOW_LINKS, and a note is written whole to a new file made with
 * CREATE_NEW, then renamed over its place (a rename replaces a link, it never writes through one).
 *
 * <p>A place that fails is {@link Refused}, with the path, why and what to do in one line. No lambda or stream:
 * the interpreter cache writes through here on the pass-through path.
 */
public final class StateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER_MODE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);

    /** A place safepip will not write to: the message names it and says why; {@link #fix()} says what to do. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String fix;

        public Refused(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }

        /** The same, as safepip's one error (exit 69). */
        public SafepipException asError() {
            return SafepipException.unavailable(getMessage(), fix);
        }
    }

    private final Ownership ownership;

    public StateFiles(Ownership ownership) {
        this.ownership = ownership;
    }

    public static StateFiles forThisProcess() {
        return new StateFiles(Ownership.ofThisProcess());
    }

    /**
     * Makes dir when missing (each folder made 0700) and checks that it, the folder it really is (through a link the
     * user made) and every folder above both may be trusted; returns dir.
     */
    public Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        make(absolute);
        check(absolute);
        Path real = absolute.toRealPath();
        if (!real.equals(absolute)) {
            check(real);
        }
        return dir;
    }

    /**
     * Checks a folder without making it: the folder, or when it does not exist yet the nearest folder above it that
     * does, and every folder above; for a look before anything is run.
     */
    public void checkFolder(Path dir) throws IOException {
        Path at = dir.toAbsolutePath().normalize();
        while (at.getParent() != null && !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            at = at.getParent();
        }
        check(at);
        Path real = at.toRealPath();
        if (!real.equals(at)) {
            check(real);
        }
    }

    /** Refuses file when it is a link or anything but a regular file; nothing there is fine. */
    public void checkFile(Path file) throws Refused {
        if (Files.isSymbolicLink(file)) {
            throw new Refused(file + " is a symbolic link, and safepip never writes through one",
                    "remove it (rm " + ShellQuote.word(file.toString()) + ") and run it again");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(file + " is not a regular file", "remove it (rm " + ShellQuote.word(file.toString())
                    + ") and run it again");
        }
    }

    /**
     * Writes bytes as the whole of file: into a new file beside it (CREATE_NEW, 0600), then renamed over it, so a
     * reader sees the old content or the new one and a link at file is replaced, never written through. A link
     * found there is refused all the same: safepip did not make it.
     */
    public void writeWhole(Path file, byte[] bytes) throws IOException {
        Path parent = folder(file.toAbsolutePath().getParent());
        checkFile(file);
        Path temp = null;
        try {
            temp = createNew(parent, "." + file.getFileName() + ".");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer out = ByteBuffer.wrap(bytes);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Opens file for appending or locking (made 0600 when missing), never through a link: the folder is checked
     * first, and the open itself refuses a link (O_NOFOLLOW), so a link planted between the two changes nothing.
     */
    public FileChannel open(Path file, StandardOpenOption... modes) throws IOException {
        folder(file.toAbsolutePath().getParent());
        checkFile(file);
        Set<java.nio.file.OpenOption> options = new java.util.HashSet<>();
        for (StandardOpenOption mode : modes) {
            options.add(mode);
        }
        options.add(StandardOpenOption.CREATE);
        options.add(LinkOption.NOFOLLOW_LINKS);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, options, FILE_MODE);
        } catch (IOException e) {
            // ELOOP: a link appeared after the check.
            checkFile(file);
            throw e;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            channel.close();
            throw new Refused(file + " is not a regular file", "remove it (rm " + ShellQuote.word(file.toString())
                    + ") and run it again");
        }
        return channel;
    }

    private static Path createNew(Path dir, String prefix) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(prefix + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createFile(temp, FILE_MODE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Makes the missing folders of dir, top down, each 0700 (the umask can only take bits away). */
    private static void make(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            make(parent);
        }
        try {
            Files.createDirectory(dir, FOLDER_MODE);
        } catch (FileAlreadyExistsException e) {
            // Another safepip made it in the meantime, or something else is there: the check says which.
        }
    }

    private void check(Path dir) throws Refused {
        String why = chainProblem(dir);
        if (why == null && Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(dir)) {
            why = dir + " is not a folder";
        }
        if (why != null) {
            throw new Refused("refusing safepip's folder " + dir + ": " + why + ", so others could plant files "
                    + "there", "make it yours alone (chown it to yourself and chmod go-w it), or set "
                    + "XDG_STATE_HOME, XDG_DATA_HOME and XDG_CACHE_HOME to folders of your own");
        }
    }

    /**
     * Like {@link Ownership#chainProblem} but a link on the way (a ~/.local the user links elsewhere) is judged as
     * a link, by its owner: its mode means nothing; the folder it leads to is checked as the real path.
     */
    private String chainProblem(Path entry) {
        String own = ownership.problem(entry, -1);
        if (own != null) {
            return entry + ": " + own;
        }
        for (Path dir = entry.getParent(); dir != null; dir = dir.getParent()) {
            String why;
            if (Files.isSymbolicLink(dir)) {
                why = ownership.problem(dir, -1);
                why = why == null ? null : dir + ": " + why;
            } else {
                why = ownership.containerProblem(dir, -1);
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }
}
