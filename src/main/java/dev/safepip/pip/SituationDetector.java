package dev.safepip.pip;

import dev.safepip.python.Interpreter;
import dev.safepip.python.InterpreterInspector;
import dev.safepip.python.InterpreterProbe;
import dev.safepip.python.MarkerMessage;
import dev.safepip.python.MarkerReader;
import dev.safepip.python.Shebang;
import dev.safepip.core.SafepipPaths;
import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Decides, without running pip, whether PEP 668 blocks the pip safepip found. */
public final class SituationDetector {
    private final InterpreterInspector inspector;
    private final SearchPath path;
    private final Map<String, String> env;

    public SituationDetector(InterpreterInspector inspector, SearchPath path, Map<String, String> env) {
        this.inspector = inspector;
        this.path = path;
        this.env = env;
    }

    /** The detector for this user: the interpreter cache lives in safepip's cache folder. */
    public static SituationDetector of(World world, SearchPath path) {
        Path cache = new SafepipPaths(world).cache().resolve("interpreters");
        InterpreterInspector inspector = new InterpreterInspector(world.env(),
                new InterpreterProbe(world.env(), cache, world.cwd()));
        return new SituationDetector(inspector, path, world.env());
    }

    public Situation detect(PipExecutable pip) {
        Path python = pip.python() != null ? pip.python() : Shebang.interpreterOf(pip.script(), path);
        if (python == null) {
            return new Situation(pip, null, Situation.Verdict.UNKNOWN, null,
                    pip.display() + " is not a Python script safepip can read (a shim or a binary)");
        }
        Interpreter interpreter = inspector.inspect(python);
        if (interpreter == null) {
            return new Situation(pip, null, Situation.Verdict.UNKNOWN, null,
                    "cannot tell where " + python + " keeps its standard library");
        }
        switch (interpreter.kind()) {
            case VENV:
                return new Situation(pip, interpreter, Situation.Verdict.NOT_MANAGED, null,
                        "a virtual environment is never externally managed");
            case CONDA:
                return new Situation(pip, interpreter, Situation.Verdict.NOT_MANAGED, null,
                        "a conda environment is not externally managed");
            default:
                break;
        }
        Path marker = interpreter.marker();
        // pip tests os.path.isfile: a marker that is a folder does not count, one behind a symlink does.
        if (!Files.isRegularFile(marker)) {
            return new Situation(pip, interpreter, Situation.Verdict.NOT_MANAGED, null,
                    "no EXTERNALLY-MANAGED marker in " + interpreter.stdlib());
        }
        MarkerMessage message = MarkerReader.read(marker, MarkerReader.languageOf(env),
                interpreter.prefix().toString());
        return new Situation(pip, interpreter, Situation.Verdict.MANAGED, message, "the marker " + marker
                + " is there");
    }
}
