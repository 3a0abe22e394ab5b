package dev.safepip.shell;

import dev.safepip.core.Ownership;
import dev.safepip.core.ShellQuote;
import dev.safepip.core.StateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's shell profile line that loads safepip (`eval "$(safepip init bash)"`, `safepip init fish | source`),
 * found by hand matching, and the one change safepip may make to it, after a yes: `--path` added to that line.
 *
 * <p>A profile is the user's own file, which safepip never made: it is written only when it is a regular file (not a
 * link: it would be replaced, or written where the link leads), the user owns it, nobody else may write to it or to
 * any folder above it; the new content goes to a new file in the same folder with the profile's mode, and is renamed
 * over it, only if the profile still holds exactly what was read. Every other byte stays as it was (the text is
 * handled as Latin-1, one char a byte).
 */
public final class ShellProfile {
    private static final int MAX_BYTES = 1 << 20;

    /**
     * A profile with safepip's line in it.
     *
     * @param lines    how many lines load safepip there (only one is ever changed)
     * @param start    where that line starts, as a byte offset
     * @param end      where it ends (before its newline)
     * @param hasPath  whether the line already has --path
     */
    public record Found(Path file, String shell, int lines, int start, int end, boolean hasPath, byte[] content) {
        /** The line as it reads now. */
        public String line() {
            return new String(content, start, end - start, StandardCharsets.UTF_8).strip();
        }

        /** The line with --path: the same bytes, " --path" after the shell's name. */
        public String lineWithPath() {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            int at = initEnd(text.substring(start, end), shell);
            byte[] line = (text.substring(start, start + at) + " --path" + text.substring(start + at, end))
                    .getBytes(StandardCharsets.ISO_8859_1);
            return new String(line, StandardCharsets.UTF_8).strip();
        }
    }

    private ShellProfile() {
    }

    /** The file a new line goes to for this shell, as safepip's own help says. */
    public static Path usual(Path home, Map<String, String> env, String shell) {
        return candidates(home, env, shell).get(0);
    }

    /** The line to add for this shell. */
    public static String initLine(String shell, boolean path) {
        String command = "safepip init " + shell + (path ? " --path" : "");
        return shell.equals("fish") ? command + " | source" : "eval \"$(" + command + ")\"";
    }

    /** The first of the shell's profiles that loads safepip, or null. A file that cannot be read is passed over. */
    public static Found find(Path home, Map<String, String> env, String shell) {
        for (Path file : candidates(home, env, shell)) {
            byte[] content;
            try {
                content = read(file, false);
            } catch (IOException e) {
                continue;
            }
            Found found = scan(file, shell, content);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Where each shell reads its profile: bash's and zsh's interactive files first, then their login ones. */
    static List<Path> candidates(Path home, Map<String, String> env, String shell) {
        switch (shell) {
            case "zsh": {
                String zdotdir = env.get("ZDOTDIR");
                Path dir = zdotdir != null && zdotdir.startsWith("/") ? Path.of(zdotdir) : home;
                return List.of(dir.resolve(".zshrc"), dir.resolve(".zprofile"), dir.resolve(".zshenv"));
            }
            case "fish": {
                String config = env.get("XDG_CONFIG_HOME");
                Path dir = config != null && config.startsWith("/") ? Path.of(config) : home.resolve(".config");
                return List.of(dir.resolve("fish/config.fish"));
            }
            default:
                return List.of(home.resolve(".bashrc"), home.resolve(".bash_profile"), home.resolve(".bash_login"),
                        home.resolve(".profile"));
        }
    }

    /** The lines of content that load safepip for this shell, not counting comments; null when there is none. */
    static Found scan(Path file, String shell, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int count = 0;
        int start = -1;
        int end = -1;
        boolean hasPath = false;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            int at = line.strip().startsWith("#") ? -1 : initEnd(line, shell);
            if (at >= 0) {
                count++;
                if (start < 0) {
                    start = lineStart;
                    end = lineEnd;
                    hasPath = line.indexOf(" --path", at) >= 0;
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return count == 0 ? null : new Found(file, shell, count, start, end, hasPath, content);
    }

    /**
     * Where "safepip init SHELL" ends in line (the offset after the shell's name), or -1: safepip by name or by a
     * path ending in /safepip, the words apart, the shell's name a whole word.
     */
    static int initEnd(String line, String shell) {
        String words = "safepip init " + shell;
        for (int at = line.indexOf(words); at >= 0; at = line.indexOf(words, at + 1)) {
            int after = at + words.length();
            boolean wordBefore = at == 0 || " \t/(\"'`$;&|".indexOf(line.charAt(at - 1)) >= 0;
            boolean wordAfter = after == line.length() || " \t)\"'`;&|\r".indexOf(line.charAt(after)) >= 0;
            if (wordBefore && wordAfter) {
                return after;
            }
        }
        return -1;
    }

    /**
     * Why safepip may not write this profile, or null: a link, not a regular file, not the user's own, writable
     * by somebody else, or in a folder (or below one) others may change.
     */
    public static String writeProblem(Path file, Ownership ownership) {
        if (Files.isSymbolicLink(file)) {
            return "it is a symbolic link, and safepip never writes through one";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "it is not a regular file";
        }
        try {
            int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != ownership.uid()) {
                return "it belongs to " + Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName() + ", not to you";
            }
        } catch (IOException | RuntimeException e) {
            return "it cannot be examined (" + e.getMessage() + ")";
        }
        String why = ownership.problem(file);
        if (why != null) {
            return why;
        }
        return ownership.foldersProblem(file.toAbsolutePath().getParent(), -1);
    }

    /**
     * Adds --path to the found line: checked, written new beside it with its mode, renamed over it.
     *
     * @throws StateFiles.Refused when the profile may not be written, or changed since it was read
     */
    public static void addPath(Found found, Ownership ownership) throws IOException {
        Path file = found.file();
        String why = writeProblem(file, ownership);
        if (why != null) {
            throw refused(file, why);
        }
        byte[] now = read(file, true);
        if (!java.util.Arrays.equals(now, found.content())) {
            throw refused(file, "it changed while safepip was asking");
        }
        String text = new String(now, StandardCharsets.ISO_8859_1);
        int at = found.start() + initEnd(text.substring(found.start(), found.end()), found.shell());
        byte[] changed = (text.substring(0, at) + " --path" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        Object fileKey = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).fileKey();
        Path parent = file.toAbsolutePath().getParent();
        Path temp = createNew(parent, "." + file.getFileName() + ".safepip-");
        try {
            // The umask may have taken bits from the new file: the profile's own mode, exactly.
            Files.setPosixFilePermissions(temp, mode);
            try (SeekableByteChannel out = Files.newByteChannel(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = ByteBuffer.wrap(changed);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            // Right before the rename: still the same file, with the same bytes and no link in its place.
            if (Files.isSymbolicLink(file) || !java.util.Arrays.equals(read(file, true), now)
                    || !fileKey.equals(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey())) {
                throw refused(file, "it changed while safepip was writing");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static StateFiles.Refused refused(Path file, String why) {
        return new StateFiles.Refused("not changing " + file + ": " + why, "add --path to its safepip line "
                + "yourself, or open it with: ${EDITOR:-nano} " + ShellQuote.word(file.toString()));
    }

    /** The whole file, at most MAX_BYTES; with noFollow a link is refused by the open itself (O_NOFOLLOW). */
    private static byte[] read(Path file, boolean noFollow) throws IOException {
        Set<java.nio.file.OpenOption> options = noFollow ? Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
                : Set.of(StandardOpenOption.READ);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        try (SeekableByteChannel in = Files.newByteChannel(file, options)) {
            byte[] bytes = java.nio.channels.Channels.newInputStream(in).readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return bytes;
        }
    }

    private static Path createNew(Path dir, String prefix) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(prefix + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                // O_CREAT|O_EXCL: never an existing file, never through a link.
                return Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
