package dev.safepip.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether root is about to write into another user's home: under `sudo -E` (or a sudo that keeps HOME, or su
 * without -) HOME and the XDG variables still name the user's folders, and whatever root makes there is root's, so
 * the user's own next run finds it and cannot write to it. safepip then keeps its things in root's own home (the
 * home of uid 0 in the password file, which the JVM reports as user.home), as pip itself does with its cache.
 */
final class OthersHome {
    /** The variables that name where pipx and safepip keep their things. */
    private static final List<String> FOLDERS = List.of("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
            "XDG_CONFIG_HOME", "PIPX_HOME", "PIPX_BIN_DIR", "PIPX_SHARED_LIBS", "PIPX_MAN_DIR");

    /** This process's user, looked up once: -2 until then. */
    private static int uid = -2;

    private OthersHome() {
    }

    private static synchronized boolean root() {
        if (uid == -2) {
            uid = Ownership.currentUid();
        }
        return uid == 0;
    }

    /** Root's own home. */
    static Path rootsHome() {
        return Path.of(System.getProperty("user.home"));
    }

    /** Whether safepip is root and dir (or, when it does not exist yet, the nearest folder above) is not root's. */
    static boolean belongsToAnother(Path dir) {
        if (!root()) {
            return false;
        }
        Path at = dir.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            at = at.getParent();
        }
        if (at == null) {
            return false;
        }
        try {
            return (Integer) Files.getAttribute(at, "unix:uid") != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** env with HOME set to home and the folder variables that are another user's left out. */
    static Map<String, String> withoutOthers(Map<String, String> env, Path home) {
        String given = env.get("HOME");
        boolean changed = given == null || !given.equals(home.toString());
        Map<String, String> own = new HashMap<>(env);
        own.put("HOME", home.toString());
        for (String name : FOLDERS) {
            String value = env.get(name);
            if (value != null && value.startsWith("/") && belongsToAnother(Path.of(value))) {
                own.remove(name);
                changed = true;
            }
        }
        return changed ? own : env;
    }
}
