package dev.safepip.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

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
