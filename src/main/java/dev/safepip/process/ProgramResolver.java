package dev.safepip.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the program word of an argv into the file that runs, before any process starts: every runner of
 * process/ goes through here. Java would otherwise hand a bare name ("dpkg", "sudo") to the OS, which searches the
 * JVM's own PATH, empty and "." entries included: a `dpkg` planted in the working folder would run. Here a bare name
 * is looked up on the child's PATH with {@link SearchPath}, which skips empty and relative entries, and the argv
 * that starts holds its absolute path. Messages and `--plan` may show the bare name the user would type
 * (`sudo apt-get install -y python3-six`): it names the same program, found the same way.
 *
 * <p>System tools (dpkg, apt-get, apt-cache, dnf, stty) are found on the user's PATH like any other, not at fixed
 * paths: they live in /usr/bin on Debian and Fedora but elsewhere on NixOS or Homebrew, and the user's PATH is what
 * they would type them with. The one exception is the program sudo is asked to run: it runs as root, so it is
 * looked up only in the system's own folders ({@link #ROOT_PATH}, Debian's secure_path), never on the user's PATH,
 * where a folder the user can write would hand root a program anyone running as the user could replace.
 */
public final class ProgramResolver {
    /** Where the program that sudo runs is looked for: the folders of sudo's secure_path on Debian and Ubuntu. */
    static final String ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** The search path when the child's environment has no PATH: the C library's default, without ".". */
    static final String NO_PATH = "/bin:/usr/bin";

    private ProgramResolver() {
    }

    /**
     * The argv to start: its program as an absolute path (a name with a slash is kept as given: the caller chose
     * that file), and the program that sudo runs resolved in the system's folders.
     *
     * @param env the child's environment, whose PATH the search uses
     * @throws IOException "cannot run X: not found on PATH" when there is no such program, kept apart from a
     *                     program that ran and failed
     */
    public static List<String> resolve(List<String> argv, Map<String, String> env) throws IOException {
        if (argv.isEmpty()) {
            throw new IOException("cannot run an empty command");
        }
        String path = env.get("PATH");
        String program = find(argv.get(0), path == null ? NO_PATH : path, "on PATH");
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, program);
        if (argv.size() > 1 && isSudo(program)) {
            String word = argv.get(1);
            // An option of sudo's (-u user, --) would need sudo's own reading; safepip never gives any.
            if (!word.startsWith("-")) {
                resolved.set(1, find(word, ROOT_PATH, "in " + ROOT_PATH + " (the folders sudo runs programs from)"));
            }
        }
        return resolved;
    }

    private static String find(String name, String pathValue, String where) throws IOException {
        if (name.indexOf('/') >= 0) {
            return name;
        }
        if (name.isEmpty()) {
            throw new IOException("cannot run an empty program name");
        }
        Path found = new SearchPath(pathValue).find(name);
        if (found == null) {
            throw new IOException("cannot run " + name + ": not found " + where);
        }
        return found.toString();
    }

    private static boolean isSudo(String program) {
        int slash = program.lastIndexOf('/');
        String name = slash < 0 ? program : program.substring(slash + 1);
        return name.equals("sudo") || name.equals("doas");
    }
}
