package dev.safepip.plan;

import dev.safepip.python.ProjectName;
import dev.safepip.system.DebianJudgement;
import java.util.List;

/**
 * Decides application, library, or library that also ships commands, from real signals in this order, the first
 * that speaks deciding:
 * <ol>
 * <li>no commands at all: a library (or a metapackage);</li>
 * <li>Debian ships the command alone, in a small package named after the project beside the library package
 * (flake8 beside python3-flake8): an application when its own classifiers agree (Environment :: Console or Topic ::
 * Software Development), unless more than a dozen other Debian packages import the library (ipython) or its
 * classifiers place it elsewhere (gunicorn's Topic :: Internet);</li>
 * <li>Debian's table ships it as python3-&lt;name&gt;: a library with commands;</li>
 * <li>Debian's table ships it under its own name (black, yt-dlp): an application, unless its classifiers say
 * Environment :: Web Environment without Environment :: Console (nodeenv, which pre-commit imports);</li>
 * <li>a wheel that only carries a program (ruff, ninja, cmake, py-spy, pyright's Node checker);</li>
 * <li>a command named after the project with the console classifier, no library one and no classifier placing it
 * elsewhere (spacy's Topic :: Scientific/Engineering, bokeh's Web Environment);</li>
 * <li>a library classifier.</li>
 * </ol>
 * When nothing speaks, or the signals disagree: a library with commands, so that the venv is recommended and pipx
 * still offered; that answer costs least when it is wrong.
 */
public final class KindClassifier {
    /** Importable code above this is a library's, whatever else the wheel carries. */
    static final long SMALL_PYTHON = 256 * 1024;
    /** More Debian importers than this and a library's command package does not make it an application. */
    static final int MANY_IMPORTERS = 12;
    static final String CONSOLE = "Environment :: Console";
    static final String WEB = "Environment :: Web Environment";
    static final String LIBRARIES = "Topic :: Software Development :: Libraries";
    static final String DEVELOPMENT = "Topic :: Software Development";

    private KindClassifier() {
    }

    public static AppKind classify(WheelShape wheel) {
        List<String> commands = wheel.commands();
        if (commands.isEmpty()) {
            return new AppKind(AppKind.Kind.LIBRARY, commands, wheel.ownFiles() ? "its wheel has no commands"
                    : "a metapackage: no code and no commands of its own, it only installs other packages");
        }
        DebianJudgement.Command alone = wheel.debianCommand();
        if (alone != null) {
            String shipped = "Debian ships its command alone, as " + alone.command() + " beside the library "
                    + alone.library();
            if (alone.importers() > MANY_IMPORTERS) {
                return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, shipped + ", but "
                        + alone.importers() + " other Debian packages import " + alone.library());
            }
            String elsewhere = elsewhere(wheel.classifiers());
            if (elsewhere != null) {
                return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, shipped
                        + ", but its classifiers say " + elsewhere);
            }
            if (!developerTool(wheel.classifiers())) {
                // jupyter-core, py-cpuinfo, pytest-benchmark: Debian's packaging alone, and they are imported.
                return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, shipped + ", but its classifiers "
                        + "say neither " + CONSOLE + " nor " + DEVELOPMENT);
            }
            return new AppKind(AppKind.Kind.APPLICATION, commands, shipped + ", and its classifiers say "
                    + (wheel.classifiers().contains(CONSOLE) ? CONSOLE : DEVELOPMENT));
        }
        String debian = wheel.debianPackage();
        if (debian != null && debian.startsWith("python3-")) {
            return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands,
                    "Debian packages it as a library, " + debian);
        }
        List<String> classifiers = wheel.classifiers();
        boolean console = classifiers.contains(CONSOLE);
        if (debian != null && !debian.startsWith("python-")) {
            if (!console && classifiers.contains(WEB)) {
                return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, "Debian packages it under its "
                        + "own name, " + debian + ", but its classifiers say " + WEB + " and not " + CONSOLE);
            }
            return new AppKind(AppKind.Kind.APPLICATION, commands,
                    "Debian packages it as an application, " + debian);
        }
        if (carriesProgram(wheel)) {
            return new AppKind(AppKind.Kind.APPLICATION, commands, "its wheel carries a program ("
                    + wheel.biggestProgram() + "), not a Python library");
        }
        boolean library = false;
        for (String classifier : classifiers) {
            library |= classifier.startsWith(LIBRARIES);
        }
        if (console && !library && namedAfterProject(wheel, commands)) {
            String elsewhere = elsewhere(classifiers);
            if (elsewhere == null) {
                return new AppKind(AppKind.Kind.APPLICATION, commands, "its command is named after it and its "
                        + "classifiers say " + CONSOLE);
            }
            return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, "its command is named after it, but "
                    + "its classifiers say " + elsewhere);
        }
        if (library) {
            return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands, "its classifiers say " + LIBRARIES);
        }
        return new AppKind(AppKind.Kind.LIBRARY_WITH_COMMANDS, commands,
                "nothing says it is only an application");
    }

    /**
     * The first classifier that places a project outside a developer's console tools, where what people run is
     * also what their code imports: a web environment (bokeh, uvicorn), another environment (gunicorn), or a topic
     * other than software development and utilities (spacy's Scientific/Engineering, celery's Distributed
     * Computing, alembic's Database). Null when none does.
     */
    static String elsewhere(List<String> classifiers) {
        for (String classifier : classifiers) {
            if (classifier.equals(WEB) || classifier.equals("Environment :: Other Environment")) {
                return classifier;
            }
            if (classifier.startsWith("Topic :: ") && !classifier.startsWith("Topic :: Software Development")
                    && !classifier.startsWith("Topic :: Utilities")) {
                return classifier;
            }
        }
        return null;
    }

    /** Its own metadata agrees it is a tool: run on a console, or for developing software (virtualenv says no more). */
    static boolean developerTool(List<String> classifiers) {
        for (String classifier : classifiers) {
            if (classifier.equals(CONSOLE) || classifier.startsWith(DEVELOPMENT)) {
                return true;
            }
        }
        return false;
    }

    /** Its programs outweigh its little importable code: the Python part only finds and starts the program. */
    static boolean carriesProgram(WheelShape wheel) {
        return wheel.programBytes() > 0 && wheel.pythonBytes() <= SMALL_PYTHON
                && wheel.programBytes() >= 4 * wheel.pythonBytes();
    }

    private static boolean namedAfterProject(WheelShape wheel, List<String> commands) {
        String project = ProjectName.normalize(wheel.project());
        for (String command : commands) {
            String lower = command.toLowerCase(java.util.Locale.ROOT);
            String bare = lower.endsWith(".py") || lower.endsWith(".exe")
                    ? command.substring(0, command.lastIndexOf('.')) : command;
            String name = ProjectName.normalize(bare);
            // black for black, yt-dlp for yt_dlp, pkg-hello for pkg; py-spy's spy for py-spy is not.
            if (name.equals(project) || name.startsWith(project + "-") || project.equals("python-" + name)) {
                return true;
            }
        }
        return false;
    }
}
