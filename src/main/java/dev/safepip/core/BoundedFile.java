package dev.safepip.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small file that someone else controls (a marker, a config file, a note): only a regular file (a FIFO
 * would block the read for ever, /dev/zero never ends), and never more than a cap, so a hostile file costs at most
 * that much memory. A symlink to a regular file is fine: dotfile managers link config files.
 */
public final class BoundedFile {
    private BoundedFile() {
    }

    /** Thrown for a path that exists but is not a regular file. */
    public static final class NotRegular extends FileSystemException {
        private static final long serialVersionUID = 1L;

        public NotRegular(Path path) {
            super(path.toString(), null, "not a regular file");
        }
    }

    /** Thrown for a file longer than the caller's cap: not the small file it should be (a 3 GB pyvenv.cfg). */
    public static final class TooLarge extends FileSystemException {
        private static final long serialVersionUID = 1L;

        public TooLarge(Path path, int maxBytes) {
            super(path.toString(), null, "larger than " + maxBytes + " bytes");
        }
    }

    /**
     * The whole file as UTF-8 text (malformed bytes replaced), when it is a regular file of at most maxBytes.
     *
     * @throws TooLarge when it is longer, rather than reading it all into memory
     */
    public static String text(Path path, int maxBytes) throws IOException {
        byte[] bytes = read(path, maxBytes);
        if (bytes.length > maxBytes) {
            throw new TooLarge(path, maxBytes);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The file's lines, as {@link java.nio.file.Files#readAllLines} gives them (a line ends at \n, \r\n or \r), when
     * it is a regular file of at most maxBytes. Plain loops: the blocked-install path reads files through here.
     */
    public static List<String> lines(Path path, int maxBytes) throws IOException {
        String text = text(path, maxBytes);
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * At most maxBytes + 1 bytes of the file, so the caller can tell a file of exactly the cap from a longer one.
     *
     * @throws java.nio.file.NoSuchFileException when there is nothing there
     * @throws NotRegular when it is a folder, a FIFO, a device or a socket
     */
    public static byte[] read(Path path, int maxBytes) throws IOException {
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path)) {
                throw new NotRegular(path);
            }
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(maxBytes + 1);
        }
    }
}
