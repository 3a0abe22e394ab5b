package dev.safepip.cli;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.config.WrapperOptions;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipLocator;
import dev.safepip.python.ProjectName;
import dev.safepip.process.ChildEnvironment;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.python.Interpreter;
import dev.safepip.pip.Situation;
import dev.safepip.pip.SituationDetector;
import dev.safepip.rescue.Places;
import dev.safepip.rescue.Rescue;
import dev.safepip.ui.Console;
import dev.safepip.process.IsolatedPython;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `safepip rescue`: what `sudo pip` and --break-system-packages left in the system Python, and moving it out. */
@Command(name = OwnWords.RESCUE, mixinStandardHelpOptions = true, description = OwnWords.RESCUE_SUMMARY)
public final class RescueCommand implements Callable<Integer> {
    private final World world;
    private final WrapperOptions options;

    @Option(names = "--yes", description = "move every package listed, without asking")
    boolean yes;

    @Option(names = "--plan", description = "show what would be moved and the exact commands; run nothing")
    boolean plan;

    @Option(names = "--undo", paramLabel = "PKG", description = "put a rescued package back where it was")
    String undo;

    @Option(names = "--python", paramLabel = "PY", description = "the system Python to look at (default: the "
            + "interpreter of the pip safepip finds)")
    String python;

    @Parameters(paramLabel = "PKG", description = "move only these packages")
    List<String> names = new ArrayList<>();

    public RescueCommand(World world, WrapperOptions options) {
        this.world = world;
        this.options = options;
    }

    @Override
    public Integer call() throws Exception {
        SearchPath path = new SearchPath(world.getenv("PATH"));
        PipExecutable pip = PipLocator.locate(world, path);
        Path interpreter;
        Path marker = null;
        if (python != null) {
            interpreter = path.find(python);
            if (interpreter == null) {
                throw SafepipException.usage("--python " + python + " is not an executable file", "give the path of "
                        + "a python, such as /usr/bin/python3");
            }
        } else {
            Situation situation = SituationDetector.of(world, path).detect(pip);
            Interpreter found = situation.interpreter();
            if (found == null) {
                throw SafepipException.unavailable("cannot tell which Python " + pip.display() + " belongs to",
                        "choose one with --python");
            }
            if (found.kind() != Interpreter.Kind.SYSTEM) {
                throw SafepipException.unavailable("the pip safepip finds belongs to a "
                        + (found.kind() == Interpreter.Kind.VENV ? "virtual" : "conda") + " environment ("
                        + found.prefix() + "), not to a system Python", "deactivate it, or choose a Python with "
                        + "--python /usr/bin/python3");
            }
            interpreter = found.path();
            marker = found.marker();
        }
        int depth = parseDepth(world.getenv(ChildEnvironment.DEPTH));
        // Every command of a rescue is names and absolute paths, and some are `python -m pip`: run from "/", where
        // no one else's pip.py can be imported (see IsolatedPython).
        PipRunner runner = new PipRunner(ChildEnvironment.of(world.env(), depth, world.javaToolOptions()),
                IsolatedPython.MODULE_CWD);
        Console console = new Console(world.err(), world.tty().err(), world.env());
        boolean root = "root".equals(System.getProperty("user.name"));
        Rescue rescue = new Rescue(world, console, runner, pip, path, Places.of(world, path), root,
                new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8)));
        boolean assumeYes = yes || options.yes();
        boolean planOnly = plan || options.plan();
        if (undo != null) {
            return rescue.undo(interpreter, ProjectName.normalize(undo), assumeYes, planOnly);
        }
        return rescue.run(interpreter, marker, names, assumeYes, planOnly);
    }

    private static int parseDepth(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
