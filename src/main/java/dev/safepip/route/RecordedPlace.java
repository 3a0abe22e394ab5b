package dev.safepip.route;

import dev.safepip.core.Ascii;
import dev.safepip.core.Ownership;
import dev.safepip.ledger.Holdings;
import dev.safepip.plan.Plan;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.DistInfo;
import dev.safepip.python.Interpreter;
import dev.safepip.system.Apt;
import dev.safepip.system.AptSimulation;
import dev.safepip.system.PackageManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a place the ledger names still is what the record says, before uninstall acts on it. The ledger records;
 * it does not command: a record's command words are never run, its location is only acted on when it is a venv of
 * the recorded Python that this user owns and that holds the package, pipx's own home (as pipx says today) with
 * the application in it, or the system, through the package manager found on PATH now. The programs run (the
 * venv's pip, pipx, apt-get) are found afresh.
 */
final class RecordedPlace {
    private final Plan plan;
    private final Ownership ownership;
    private final PipxEnvironment pipx;

    /** @param pipx pipx's folders as pipx says (asked only when a pipx record is to be acted on), or null */
    RecordedPlace(Plan plan, Ownership ownership, PipxEnvironment pipx) {
        this.plan = plan;
        this.ownership = ownership;
        this.pipx = pipx;
    }

    /** Why the venv a record names may not be acted on, or null when it may. */
    String venvProblem(Holdings.Holding held) {
        Path venv = Path.of(held.location());
        if (!Files.isDirectory(venv)) {
            return venv + " is gone";
        }
        Path cfg = venv.resolve("pyvenv.cfg");
        if (!Files.isRegularFile(cfg)) {
            return venv + " is no virtual environment (no pyvenv.cfg)";
        }
        Path real;
        try {
            real = venv.toRealPath();
        } catch (IOException e) {
            return venv + " cannot be examined";
        }
        String why = ownership.chainProblem(real, -1);
        if (why == null) {
            why = ownership.problem(real.resolve("pyvenv.cfg"), -1);
        }
        if (why == null && Files.exists(real.resolve("bin/pip"))) {
            why = ownership.problem(real.resolve("bin/pip"), -1);
        }
        if (why != null) {
            return venv + " is not safe to run from: " + why;
        }
        String made = venvVersion(cfg);
        String recorded = interpreterVersion(held.interpreter());
        if (made == null || recorded == null || !made.equals(recorded)) {
            return venv + " is a venv of Python " + (made == null ? "(unknown)" : made) + ", but the record says "
                    + held.interpreter() + (recorded == null ? "" : " (" + recorded + ")") + " made it";
        }
        if (DistInfo.find(DistInfo.venvSiteDirs(real), held.name()) == null) {
            return held.name() + " is not installed in " + venv;
        }
        return null;
    }

    /** Why pipx's record may not be acted on, or null: pipx is on PATH, its home is the one recorded, the app in it. */
    String pipxProblem(Holdings.Holding held) {
        if (plan.facts().pipx() == null || pipx == null) {
            return "pipx is not on PATH";
        }
        if (!pipx.home().toString().equals(held.location())) {
            return "the record names " + held.location() + ", but pipx keeps its applications in " + pipx.home();
        }
        if (!pipx.apps().contains(held.name())) {
            return "pipx has no application " + held.name() + " in " + pipx.home();
        }
        String why = ownership.chainProblem(pipx.home(), -1);
        return why == null ? null : pipx.home() + " is not safe to act on: " + why;
    }

    /** The system package for a recorded PyPI name, or why there is none: the record's command words never count. */
    String systemPackage(Holdings.Holding held, List<String> problems) {
        PackageManager manager = plan.facts().manager();
        if (manager == null) {
            problems.add("no system package manager is on PATH");
            return null;
        }
        String name = manager.packageFor(held.name());
        if (name == null || manager instanceof Apt && !AptSimulation.isPackageName(name)) {
            problems.add(manager.name() + " has no package for " + held.name());
            return null;
        }
        return name;
    }

    /** The command that removes a venv's copies: its own pip, or the system pip with --python when it has none. */
    List<String> venvCommand(Holdings.Holding place, List<String> args) {
        Path venv = Path.of(place.location());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(venv.resolve("bin/pip"))) {
            command.add(venv.resolve("bin/pip").toString());
        } else {
            // A venv made without pip (no ensurepip): the system pip works on it through --python.
            command.addAll(plan.facts().pip().argv(List.of()));
            command.add("--python");
            command.add(venv.resolve("bin/python").toString());
        }
        command.addAll(args);
        return command;
    }

    List<String> pipxCommand(String requirementName) {
        return List.of(plan.facts().pipx().toString(), "uninstall", requirementName);
    }

    static boolean isSystem(Holdings.Holding held) {
        return RouteKind.of(held.route()) == RouteKind.SYSTEM;
    }

    /** "3.11" from a pyvenv.cfg's `version` (or `version_info`) line, by hand: no regex on a blocked uninstall. */
    static String venvVersion(Path cfg) {
        String text;
        try {
            text = Files.readString(cfg, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.equals("version") || key.equals("version_info")) {
                return majorMinor(line.substring(eq + 1).strip());
            }
        }
        return null;
    }

    /** The version of the recorded interpreter: this run's own when it is the same file, else from its name. */
    private String interpreterVersion(String recorded) {
        if (recorded == null || recorded.isEmpty() || !recorded.startsWith("/")) {
            return null;
        }
        Path path = Path.of(recorded);
        Interpreter current = plan.situation().interpreter();
        try {
            Path real = path.toRealPath();
            if (current != null && current.version() != null && current.path().toRealPath().equals(real)) {
                return current.version();
            }
            String name = real.getFileName().toString();
            if (name.startsWith("python") && name.length() > 6 && Ascii.digitsAndDots(name, 6)) {
                return majorMinor(name.substring(6));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String majorMinor(String version) {
        int first = version.indexOf('.');
        if (first <= 0) {
            return null;
        }
        int second = version.indexOf('.', first + 1);
        String result = second < 0 ? version : version.substring(0, second);
        return Ascii.digitsAndDots(result, 0) ? result : null;
    }
}
