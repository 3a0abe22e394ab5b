package dev.safepip.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a file or folder may be trusted by the user safepip runs as, by the rule OpenSSH's StrictModes and git's
 * safe.directory use: it is owned by that user or by root, and nobody else may write to it. A folder writable by
 * everybody with the sticky bit (like /tmp) is safe for an entry inside it that the user or root owns, since nobody
 * else may rename or remove that entry; a group-writable one only when its group is the owner's own (a user private
 * group, as Debian and Ubuntu make for every user).
 *
 * <p>Links are not followed: a symbolic link is judged as the link itself, and its target separately by the caller.
 */
public final class Ownership {
    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;

    /** The user safepip runs as. */
    private final int uid;

    public Ownership(int uid) {
        this.uid = uid;
    }

    /** For the user this process runs as: /proc/self belongs to the process's effective user. */
    public static Ownership ofThisProcess() {
        return new Ownership(currentUid());
    }

    /** This process's effective user id; -1 when the system does not say (no /proc), which trusts root alone. */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The user who ran sudo, whose own files root may trust when acting for that user (SUDO_UID, set by sudo only
     * when it runs the command as root); -1 when safepip is not root under sudo.
     */
    public static int sudoUid(int uid, Map<String, String> env) {
        String sudoUid = env.get("SUDO_UID");
        if (uid != 0 || sudoUid == null || sudoUid.isEmpty() || sudoUid.length() > 10) {
            return -1;
        }
        try {
            return Integer.parseInt(sudoUid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public int uid() {
        return uid;
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /**
     * Why path may not be trusted by this user, or null when it may. trustedToo is one more owner accepted (the
     * invoking user under sudo), or -1.
     */
    public String problem(Path path, int trustedToo) {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:uid,gid,mode,owner,group", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return "it cannot be examined (" + IoProblem.describe(e instanceof IOException io ? io
                    : new IOException(e.getMessage())) + ")";
        }
        int owner = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        String ownerName = String.valueOf(attributes.get("owner"));
        if (owner != uid && owner != 0 && owner != trustedToo) {
            return "it belongs to " + ownerName + ", not to you";
        }
        boolean link = Files.isSymbolicLink(path);
        if (!link && (mode & OTHER_WRITE) != 0) {
            return "everybody may write to it (mode " + octal(mode) + ")";
        }
        if (!link && (mode & GROUP_WRITE) != 0 && !ownerName.equals(String.valueOf(attributes.get("group")))) {
            return "its group " + attributes.get("group") + " may write to it (mode " + octal(mode) + ")";
        }
        return null;
    }

    /** Like {@link #problem(Path, int)} with no further owner. */
    public String problem(Path path) {
        return problem(path, -1);
    }

    /**
     * Why a folder's entries may be replaced by somebody else, or null when only its owner (this user or root) can
     * change them: writable by others without the sticky bit, or owned by a third user. A symbolic link (a folder
     * met on the way up, such as /home -> /usr/home) is judged by its owner alone: its mode means nothing, and
     * where it leads is judged by {@link #foldersProblem}.
     */
    public String containerProblem(Path dir, int trustedToo) {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(dir, "unix:uid,mode,owner,group", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        int owner = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        if (owner != uid && owner != 0 && owner != trustedToo) {
            return dir + " belongs to " + attributes.get("owner");
        }
        if (Files.isSymbolicLink(dir)) {
            return null;
        }
        boolean sticky = (mode & STICKY) != 0;
        if ((mode & OTHER_WRITE) != 0 && !sticky) {
            return "everybody may write to " + dir + " (mode " + octal(mode) + ")";
        }
        if ((mode & GROUP_WRITE) != 0 && !sticky
                && !String.valueOf(attributes.get("owner")).equals(String.valueOf(attributes.get("group")))) {
            return "the group " + attributes.get("group") + " may write to " + dir + " (mode " + octal(mode) + ")";
        }
        return null;
    }

    /**
     * Why something in dir (or made in dir) may be replaced by somebody else, or null: dir and every folder above
     * it pass {@link #containerProblem}, as written and, when a link lies on the way, as it really is. Both: the
     * written way is where a planted link would sit, the real one where the files are.
     */
    public String foldersProblem(Path dir, int trustedToo) {
        Path written = dir.toAbsolutePath().normalize();
        for (Path at = written; at != null; at = at.getParent()) {
            String why = containerProblem(at, trustedToo);
            if (why != null) {
                return why;
            }
        }
        Path real;
        try {
            real = written.toRealPath();
        } catch (IOException | RuntimeException e) {
            return written + " cannot be examined (" + e.getMessage() + ")";
        }
        if (real.equals(written)) {
            return null;
        }
        for (Path at = real; at != null; at = at.getParent()) {
            String why = containerProblem(at, trustedToo);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /**
     * Why entry may not be trusted, or null: entry itself passes {@link #problem}, and no folder from entry's parent
     * up to / lets somebody else replace what lies below it (as OpenSSH checks every folder above a key).
     */
    public String chainProblem(Path entry, int trustedToo) {
        String own = problem(entry, trustedToo);
        if (own != null) {
            return entry + ": " + own;
        }
        Path parent = entry.toAbsolutePath().normalize().getParent();
        return parent == null ? null : foldersProblem(parent, trustedToo);
    }

    /**
     * Why something to be made at path (which need not exist yet) might be taken over by somebody else, or null:
     * its nearest existing folder and every folder above pass {@link #containerProblem}. A sticky folder everybody
     * writes (/tmp) passes: whoever makes the entry first owns it, and the caller checks that owner once it exists.
     */
    public String placeProblem(Path path, int trustedToo) {
        Path at = path.toAbsolutePath().normalize().getParent();
        while (at != null && !Files.isDirectory(at)) {
            at = at.getParent();
        }
        return at == null ? null : foldersProblem(at, trustedToo);
    }

    private static String octal(int mode) {
        // Not String.format: a Formatter costs milliseconds in a cold JVM.
        String digits = Integer.toOctalString(mode & 07777);
        return "0000".substring(Math.min(4, digits.length())) + digits;
    }
}
