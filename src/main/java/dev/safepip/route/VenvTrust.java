package dev.safepip.route;

import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The last look before safepip runs a venv's program (its bin/pip, or its bin/python under the system pip's
 * --python) or fills a venv folder: the folder and every folder above it, its bin/ and pyvenv.cfg, the program, and
 * the interpreter bin/pip starts (bin/python and where that link leads) belong to this user or root and nobody else
 * may write them. Right before use, so that what the plan judged has not been swapped since; and for whatever
 * reuses a venv: the venv route, and an uninstall that runs a recorded venv's pip.
 *
 * <p>Here the user who ran sudo is not trusted (unlike {@link dev.safepip.plan.VenvChooser}): this runs their
 * programs, and as root that is exactly what must not happen.
 */
public final class VenvTrust {
    private final Ownership judge;

    public VenvTrust(Ownership judge) {
        this.judge = judge;
    }

    public static VenvTrust ofThisProcess() {
        return new VenvTrust(Ownership.ofThisProcess());
    }

    /**
     * Throws (exit 69, one line) unless safepip may run program, a file in venv's bin/.
     *
     * @param shown the venv as the user knows it (~/…)
     */
    public void requireRunnable(Path venv, Path program, String shown) {
        String why = runProblem(venv, program);
        if (why != null) {
            throw SafepipException.unavailable("not running " + program + " as " + (judge.isRoot() ? "root" : "you")
                    + ": " + why, "use a venv of your own (--venv), or make " + shown + " yours again");
        }
    }

    /** Throws (exit 69, one line) unless safepip may make or fill a venv at venv (existing, empty or absent). */
    public void requirePlace(Path venv, String shown) {
        String why = placeProblem(venv);
        if (why != null) {
            throw SafepipException.unavailable("not using the virtual environment at " + shown + ": " + why,
                    "choose a folder of your own with --venv");
        }
    }

    /** Why program may not be run, or null. */
    public String runProblem(Path venv, Path program) {
        String why = placeProblem(venv);
        if (why != null) {
            return why;
        }
        Path real = real(venv);
        if (real == null) {
            return venv + " cannot be examined";
        }
        why = own(real.resolve("bin"));
        if (why == null && Files.exists(real.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS)) {
            why = own(real.resolve("pyvenv.cfg"));
        }
        if (why == null) {
            why = fileProblem(program);
        }
        Path python = real.resolve("bin/python");
        if (why == null && !program.equals(python) && Files.exists(python, LinkOption.NOFOLLOW_LINKS)) {
            why = fileProblem(python);
        }
        return why;
    }

    /** Why the folder may not be used for a venv, or null: as it is, or, absent, the folder it would be made in. */
    public String placeProblem(Path venv) {
        if (!Files.exists(venv, LinkOption.NOFOLLOW_LINKS)) {
            return judge.placeProblem(venv, -1);
        }
        String why = judge.chainProblem(venv, -1);
        if (why != null || !Files.isSymbolicLink(venv)) {
            return why;
        }
        Path target = real(venv);
        if (target == null) {
            try {
                Path at = venv.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(venv)).normalize();
                return judge.placeProblem(at, -1);
            } catch (IOException | RuntimeException e) {
                return venv + " is a link that cannot be read";
            }
        }
        return judge.chainProblem(target, -1);
    }

    /** The file itself, and, for a link (a venv's bin/python), where it leads and every folder above that. */
    private String fileProblem(Path file) {
        String why = own(file);
        if (why != null || !Files.isSymbolicLink(file)) {
            return why;
        }
        Path target = real(file);
        return target == null ? file + " leads nowhere" : judge.chainProblem(target, -1);
    }

    private String own(Path path) {
        String why = judge.problem(path, -1);
        return why == null ? null : path + ": " + why;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
