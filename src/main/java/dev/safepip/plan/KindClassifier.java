package dev.safepip.plan;

import dev.safepip.python.ProjectName;
import java.util.List;

/**
 * Decides application, library, or library that also ships commands, from real signals in this order, the first
 * that speaks deciding: no commands at all (a library, or a metapackage); Debian's own judgement (an application
 * packaged under its own name, like black or yt-dlp, against python3-&lt;name&gt; for a library); a wheel that only
 * carries a program (ruff, ninja, cmake, py-spy); a command named after the project with the console classifier and
 * no library one; a library classifier. When nothing speaks, or the signals disagree: a library with commands, so
 * that the venv is recommended and pipx still offered.
 */
public final class KindClassifier {
    /** Importable code above this is a library's, whatever else the wheel carries. */
    static final long SMALL_PYTHON = 256 * 1024;
    static final String CONSOLE = "Environment :: Console";
    static final String LIBRARIES = "Topic :: Software Development :: Libraries";

    private KindClassifier() {
    }

    public static AppKind classify(WheelShape wheel) {
        List<String> commands = wheel.commands();
        if (commands.isEmpty()) {
            return new AppKind(AppKind.Kind.LIBRARY, commands, wheel.ownFiles() ? "its wheel has no commands"
                    : "a metapackage: no code and no commands of its own, it only installs other packages");
        }
        String debian = wheel.debianPackage();
        if (debian != null && debian.startsWith("python3-")) {
            return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands,
                    "Debian packages it as a library, " + debian);
        }
        if (debian != null && !debian.startsWith("python-")) {
            return new AppKind(AppKind.Kind.APPLICATION, commands,
                    "Debian packages it as an application, " + debian);
        }
        if (carriesProgram(wheel)) {
            return new AppKind(AppKind.Kind.APPLICATION, commands, "its wheel carries a program ("
                    + wheel.biggestProgram() + "), not a Python library");
        }
        boolean console = wheel.classifiers().contains(CONSOLE);
        boolean library = wheel.classifiers().stream().anyMatch(c -> c.startsWith(LIBRARIES));
        if (console && !library && namedAfterProject(wheel, commands)) {
            return new AppKind(AppKind.Kind.APPLICATION, commands, "its command is named after it and its "
                    + "classifiers say " + CONSOLE);
        }
        if (library) {
            return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, "its classifiers say " + LIBRARIES);
        }
        return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands,
                "nothing says it is only an application");
    }

    /** Its programs outweigh its little importable code: the Python part only finds and starts the program. */
    static boolean carriesProgram(WheelShape wheel) {
        return wheel.programBytes() > 0 && wheel.pythonBytes() <= SMALL_PYTHON
                && wheel.programBytes() >= 4 * wheel.pythonBytes();
    }

    private static boolean namedAfterProject(WheelShape wheel, List<String> commands) {
        String project = ProjectName.normalize(wheel.project());
        for (String command : commands) {
            String name = ProjectName.normalize(command.replaceFirst("(?i)\\.(py|exe)$", ""));
            // black for black, yt-dlp for yt_dlp, pkg-hello for pkg; py-spy's spy for py-spy is not.
            if (name.equals(project) || name.startsWith(project + "-") || project.equals("python-" + name)) {
                return true;
            }
        }
        return false;
    }
}
