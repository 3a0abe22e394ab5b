package dev.safepip.plan;

import dev.safepip.config.Setting;
import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses the venv for a blocked install: the configured one; else the nearest `.venv` in this folder or a parent
 * (as uv does); else `.venv` at the root of the project this folder is in; else the user's default venv.
 *
 * <p>Trust nothing safepip did not make: a `.venv`, a project marker or a `.venv` link (and where it leads) counts
 * only when it and every folder above it belong to this user or root and nobody else may write them, as git's
 * safe.directory and OpenSSH's StrictModes judge. Otherwise root in a folder everybody writes would run another
 * user's bin/pip, or install where another user's pyproject.toml says. What fails is skipped, said in one line
 * ({@link VenvChoice#skipped()}), and the next rule decides. Root under sudo also trusts the files of the user who
 * ran sudo (SUDO_UID): that user's project is theirs, so what is shown and which copy an uninstall means follow it;
 * the venv route itself stays refused under sudo, and a venv's programs are checked again before they run without
 * that allowance (route.VenvTrust).
 */
public final class VenvChooser {
    private static final List<String> PROJECT_FILES = List.of("pyproject.toml", "setup.py", "setup.cfg", ".git");

    private final Path home;
    private final Path defaultVenv;
    private final Ownership judge;
    private final int trustedToo;

    /** For this process's user, with no further owner trusted. */
    public VenvChooser(Path home, Path defaultVenv) {
        this(home, defaultVenv, Ownership.ofThisProcess(), -1);
    }

    /** @param trustedToo one more owner trusted (the user who ran sudo), or -1 */
    public VenvChooser(Path home, Path defaultVenv, Ownership judge, int trustedToo) {
        this.home = home;
        this.defaultVenv = defaultVenv;
        this.judge = judge;
        this.trustedToo = trustedToo;
    }

    /** For this process's user; as root under sudo, the invoking user's files count too (SUDO_UID). */
    public static VenvChooser forThisProcess(Path home, Path defaultVenv, Map<String, String> env) {
        Ownership judge = Ownership.ofThisProcess();
        return new VenvChooser(home, defaultVenv, judge, Ownership.sudoUid(judge.uid(), env));
    }

    public VenvChoice choose(Setting<Path> configured, Path cwd) {
        if (configured.value() != null) {
            return named(configured.value(), "set by " + configured.source());
        }
        String skipped = null;
        for (Path dir = cwd; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path venv = dir.resolve(".venv");
            if (Files.isDirectory(venv)) {
                String why = venvProblem(venv);
                if (why == null) {
                    return choice(venv, "the nearest .venv", skipped);
                }
                skipped = skipped != null ? skipped : "not using " + venv + ": " + why;
            }
        }
        for (Path dir = cwd; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            String marker = projectMarker(dir);
            if (marker == null) {
                continue;
            }
            String why = markerProblem(dir, marker);
            if (why == null) {
                return choice(dir.resolve(".venv"), "the project at " + shorten(dir) + " (" + marker + ")",
                        skipped);
            }
            skipped = skipped != null ? skipped : "not using the project at " + dir + " (" + marker + "): " + why;
        }
        return choice(defaultVenv, "no project here", skipped);
    }

    /**
     * A venv the user named: --venv, SAFEPIP_VENV, `venv =`, or the active environment (rule says which). One that
     * fails the check is refused, exit 69, not replaced by another: the user asked for this one, and installing
     * elsewhere, or letting --yes take pipx instead, would do what nobody asked for without a word. git does the
     * same with a repository of another owner ("detected dubious ownership"): it stops and says so.
     */
    public VenvChoice named(Path dir, String rule) {
        String why = Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? venvProblem(dir)
                : judge.placeProblem(dir, trustedToo);
        if (why != null) {
            throw SafepipException.unavailable("not using " + dir + " (" + rule + "): " + why, rule.startsWith(
                    "the active") ? "deactivate it, or name a venv of your own with --venv" : "name a venv of your "
                    + "own (--venv, SAFEPIP_VENV or `venv =`), or fix its owner and mode");
        }
        return choice(dir, rule, null);
    }

    /**
     * Why the venv folder at path may not be trusted, or null: the folder (a link's own owner, then where it leads)
     * and every folder above.
     */
    private String venvProblem(Path venv) {
        String own = judge.problem(venv, trustedToo);
        if (own != null) {
            return own;
        }
        Path parent = venv.toAbsolutePath().normalize().getParent();
        String above = parent == null ? null : judge.foldersProblem(parent, trustedToo);
        if (above != null || !Files.isSymbolicLink(venv)) {
            return above;
        }
        return targetProblem(venv);
    }

    /** A link is followed only where its target and every folder above the target pass too. */
    private String targetProblem(Path link) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            // Not there yet (python -m venv makes it): the folder it would be made in is judged.
            try {
                Path written = Files.readSymbolicLink(link);
                Path at = link.toAbsolutePath().normalize().getParent().resolve(written).normalize();
                String why = judge.placeProblem(at, trustedToo);
                return why == null ? null : "it points to " + at + ", and " + why;
            } catch (IOException | RuntimeException unreadable) {
                return "it is a link that cannot be read";
            }
        }
        String own = judge.problem(target, trustedToo);
        if (own != null) {
            return "it points to " + target + " (" + own + ")";
        }
        String above = target.getParent() == null ? null : judge.foldersProblem(target.getParent(), trustedToo);
        return above == null ? null : "it points to " + target + ", and " + above;
    }

    /** The marker decides only if it is trustworthy, and so is a .venv already in that folder. */
    private String markerProblem(Path dir, String marker) {
        Path file = dir.resolve(marker);
        String own = judge.problem(file, trustedToo);
        if (own != null) {
            return marker + ": " + own;
        }
        String above = judge.foldersProblem(dir, trustedToo);
        if (above != null) {
            return above;
        }
        Path venv = dir.resolve(".venv");
        return Files.exists(venv, LinkOption.NOFOLLOW_LINKS) ? venvProblem(venv) : null;
    }

    private static String projectMarker(Path dir) {
        for (String name : PROJECT_FILES) {
            if (Files.exists(dir.resolve(name))) {
                return name;
            }
        }
        // requirements*.txt by hand: a glob is compiled to a regex for every folder, a cold JVM's milliseconds. And
        // with java.io's list: JDK 25's directory stream starts java.lang.invoke for a lambda of its own.
        String[] names = dir.toFile().list();
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (isRequirementsFile(name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean isRequirementsFile(String name) {
        return name.startsWith("requirements") && name.endsWith(".txt")
                && name.length() >= "requirements.txt".length();
    }

    private VenvChoice choice(Path dir, String rule, String skipped) {
        return new VenvChoice(dir, shorten(dir), rule, skipped);
    }

    /** The path with ~ for the home folder, as people write it. */
    public String shorten(Path path) {
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path) : path.toString();
    }
}
