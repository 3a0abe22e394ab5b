package dev.safepip.ledger;

import dev.safepip.core.SafepipException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Why the ledger cannot be read, in one line with what to do: the JDK's own messages are often the bare path, the
 * reason only in the exception's type. Also the line that says how many of its lines were skipped.
 */
public final class LedgerProblem {
    /** The line that says a reading skipped lines that hold no sensible record; only when it did. */
    public static String skipped(Ledger ledger) {
        int lines = ledger.skipped();
        return "safepip: " + lines + (lines == 1 ? " line" : " lines") + " of the ledger " + ledger.file()
                + " could not be read and " + (lines == 1 ? "was" : "were")
                + " skipped (damaged, torn by a crash, or edited by hand): what "
                + (lines == 1 ? "it recorded is" : "they recorded is") + " not shown or acted on.";
    }

    private LedgerProblem() {
    }

    /** The failure to read the ledger as safepip's one-line error (exit 69). */
    public static SafepipException of(Path ledger, IOException e) {
        String kind = kind(ledger);
        if (kind != null) {
            return SafepipException.unavailable("cannot read the ledger " + ledger + ": it is " + kind
                    + ", not a file", "move it aside (mv " + ledger + " " + ledger + ".bad); safepip starts a new one");
        }
        if (e instanceof AccessDeniedException) {
            return SafepipException.unavailable("cannot read the ledger " + ledger + ": permission denied"
                    + owner(ledger), "an earlier sudo run may have made it root's; give it back with sudo chown "
                    + "\"$USER\" " + ledger);
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return SafepipException.unavailable("cannot read the ledger " + ledger + ": " + reason,
                "check it with ls -l " + ledger);
    }

    /** What the ledger is when it is no regular file (a link followed), or null. */
    private static String kind(Path ledger) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(ledger, PosixFileAttributes.class);
            if (attributes.isRegularFile()) {
                return null;
            }
            if (attributes.isDirectory()) {
                return "a folder";
            }
            String what = switch (fileType(ledger)) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a FIFO, socket or device";
            };
            return Files.isSymbolicLink(ledger) ? what + " (a link to " + Files.readSymbolicLink(ledger) + ")" : what;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The file type bits of st_mode, or 0 where the JDK does not give them (its "unix" view is not everywhere). */
    private static int fileType(Path ledger) {
        try {
            return ((Integer) Files.getAttribute(ledger, "unix:mode")) & 0170000;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** " (owned by NAME, mode rw-------)" as far as it can be read. */
    private static String owner(Path ledger) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(ledger, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return " (owned by " + attributes.owner().getName() + ", mode "
                    + PosixFilePermissions.toString(attributes.permissions()) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
