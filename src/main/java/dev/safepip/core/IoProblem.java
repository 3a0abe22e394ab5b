package dev.safepip.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * Says in words what a failed file operation means. The JDK's messages are often a bare path
 * ("/home/u/.local") with the reason only in the exception's type.
 */
public final class IoProblem {
    private IoProblem() {
    }

    /** What went wrong, for a sentence such as "could not complete the install: …". */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: cannot write " + denied.getFile() + owner(denied.getFile());
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What to do about it. */
    public static String hint(IOException e) {
        if (e instanceof StateFiles.Refused refused) {
            return refused.fix();
        }
        if (e instanceof AccessDeniedException denied && denied.getFile() != null) {
            return "an earlier sudo run may have made it root's; check it with ls -ld " + denied.getFile()
                    + ", and give it back with sudo chown -R \"$USER\" " + denied.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().contains("No space left")) {
            return "free some space on that disk, then run it again";
        }
        if (e instanceof NoSuchFileException || e instanceof java.nio.file.NotDirectoryException
                || (e instanceof FileSystemException fs && fs.getReason() != null
                && (fs.getReason().contains("Not a directory") || fs.getReason().contains("Read-only")))) {
            // Running it again would fail the same way: a link to nowhere, a file where a folder should be, a
            // read-only disk. The path is in the message; say what to change.
            return "fix that path (a link to a folder that is gone, a file where a folder should be, a read-only "
                    + "disk), or choose another folder with --venv or the XDG_* variables";
        }
        return "run it again; safepip repairs what an interrupted run left";
    }

    /** " (owned by root)" when the file, or the nearest folder above it that exists, is not the user's. */
    private static String owner(String file) {
        if (file == null) {
            return "";
        }
        try {
            Path at = Path.of(file).toAbsolutePath();
            while (at != null && !Files.exists(at)) {
                at = at.getParent();
            }
            if (at == null) {
                return "";
            }
            UserPrincipal owner = Files.getOwner(at);
            String me = System.getProperty("user.name");
            return owner.getName().equals(me) ? "" : " (" + at + " is owned by " + owner.getName() + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
