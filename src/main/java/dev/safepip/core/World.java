package dev.safepip.core;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything safepip takes from the process it runs in, passed in rather than read from globals so that tests can
 * build their own.
 *
 * @param env      the environment safepip was started with
 * @param cwd      the working folder
 * @param tty      which standard streams are terminals (the launcher tells us: the JDK cannot see stderr's)
 * @param launcher the real path of the launcher script that started us, or null when started without it
 * @param javaToolOptions JAVA_TOOL_OPTIONS as the user had it; the launcher hides it from our JVM (which would
 *                 otherwise print "Picked up JAVA_TOOL_OPTIONS" on stderr) and children get it back
 */
public record World(Map<String, String> env, Path cwd, Tty tty, Path launcher, String javaToolOptions,
                    PrintStream out, PrintStream err, InputStream in) {

    /** Which of stdin, stdout and stderr are terminals. */
    public record Tty(boolean in, boolean out, boolean err) {
        /** Parses the launcher's three-digit flag, such as "110"; anything else counts as no terminal. */
        public static Tty parse(String flags) {
            if (flags == null || flags.length() != 3) {
                return new Tty(false, false, false);
            }
            return new Tty(flags.charAt(0) == '1', flags.charAt(1) == '1', flags.charAt(2) == '1');
        }
    }

    public static World fromProcess() {
        String launcher = System.getProperty("safepip.launcher");
        // UTF-8 whatever the locale: a C locale would otherwise turn every non-ASCII letter of a marker into '?'.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new World(asTheUserHadIt(System.getenv()), Path.of("").toAbsolutePath(), Tty.parse(System.getProperty("safepip.tty")),
                launcher == null || launcher.isEmpty() ? null : Path.of(launcher),
                System.getProperty("safepip.jto"), out, err, System.in);
    }

    /**
     * The environment with JDK_JAVA_OPTIONS, _JAVA_OPTIONS and JAVA_TOOL_OPTIONS put back as the user had them
     * (set, empty or unset): the launcher hid them from safepip's JVM, which would obey and announce them, and gave
     * them as properties; every child, pip first, gets them untouched.
     */
    static Map<String, String> asTheUserHadIt(Map<String, String> env) {
        String jdk = System.getProperty("safepip.jdkjo");
        String underscore = System.getProperty("safepip.ujo");
        String tool = System.getProperty("safepip.jto");
        // The launcher starts the JVM under LC_ALL=C.UTF-8 (the JVM decodes argv, the environment and file names
        // with the locale's encoding, ASCII in the C locale): safepip.lcall says it did, with the user's own LC_ALL
        // after its first character when they had one.
        String lcAll = System.getProperty("safepip.lcall");
        if (jdk == null && underscore == null && tool == null && lcAll == null) {
            return env;
        }
        Map<String, String> restored = new HashMap<>(env);
        if (lcAll != null) {
            if (lcAll.isEmpty()) {
                restored.remove("LC_ALL");
            } else {
                restored.put("LC_ALL", lcAll.substring(1));
            }
        }
        if (jdk != null) {
            restored.put("JDK_JAVA_OPTIONS", jdk);
        }
        if (underscore != null) {
            restored.put("_JAVA_OPTIONS", underscore);
        }
        if (tool != null) {
            restored.put("JAVA_TOOL_OPTIONS", tool);
        }
        return Collections.unmodifiableMap(restored);
    }

    /** A variable of the environment, with empty treated as unset, as most tools do. */
    public String getenv(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** HOME as the user's tools (pip among them) see it. */
    public Path home() {
        String home = getenv("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    /**
     * Where safepip keeps its own things (state, data, cache, and pipx's home for the pipx route): HOME, except when
     * safepip runs as root and HOME belongs to another user (sudo -E, sudo keeping HOME, su without -): then root's
     * own home, so that nothing of root's lands in that user's home and locks them out of their own next install.
     *
     * @throws SafepipException (usage) when HOME is a relative path
     */
    public Path ownHome() {
        Path home = home();
        if (!home.isAbsolute()) {
            // pip and pipx would take a relative HOME as it is, relative to the working folder: safepip's venv,
            // ledger and locks would then land in whatever folder the command runs in, and move with it. XDG
            // ignores relative XDG_* values; for HOME there is no other value to fall back on that the user chose
            // (an empty HOME counts as unset, and is the passwd home, as for most tools).
            throw SafepipException.usage("HOME=" + home + " is not an absolute path, so safepip has no home "
                    + "folder for its venv and records", "set HOME to your home folder, such as "
                    + System.getProperty("user.home") + ", and run it again");
        }
        return OthersHome.belongsToAnother(home) ? OthersHome.rootsHome() : home;
    }

    /**
     * An XDG base folder for safepip's own things: the variable when it is an absolute path (and, under root, not
     * another user's folder), else the default under {@link #ownHome()}.
     *
     * @throws SafepipException (unavailable) when the variable names something that cannot be a folder
     */
    public Path xdg(String variable, String defaultUnderHome) {
        String value = getenv(variable);
        if (value != null && value.startsWith("/") && !OthersHome.belongsToAnother(Path.of(value))) {
            Path folder = Path.of(value);
            // A file, /dev/null or a folder no one may make folders in (/proc): safepip could only fail later with
            // a bare "Not a directory" about a path the user never typed. Said here, naming the variable.
            if (java.nio.file.Files.exists(folder) && !java.nio.file.Files.isDirectory(folder)) {
                throw SafepipException.unavailable(variable + "=" + value + " is not a folder", "set "
                        + variable + " to a folder of yours, or unset it to use ~/" + defaultUnderHome);
            }
            if (value.equals("/proc") || value.startsWith("/proc/") || value.equals("/sys")
                    || value.startsWith("/sys/")) {
                throw SafepipException.unavailable(variable + "=" + value + " is a kernel file system where no "
                        + "folder can be made", "set " + variable + " to a folder of yours, or unset it to use ~/"
                        + defaultUnderHome);
            }
            return folder;
        }
        return ownHome().resolve(defaultUnderHome);
    }

    /**
     * The environment for the tools that keep safepip's things (pipx): the user's, but under root with another
     * user's HOME, root's HOME and none of the XDG and pipx folders that are that user's. The same map when nothing
     * is another user's.
     */
    public Map<String, String> ownEnv() {
        return OthersHome.withoutOthers(env, ownHome());
    }
}
