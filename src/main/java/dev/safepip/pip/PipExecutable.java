package dev.safepip.pip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real pip safepip runs: a pip script, or an interpreter's `-m pip`.
 *
 * @param command the argv prefix that starts it
 * @param script  the pip script, or null for `python -m pip`
 * @param python  the interpreter for `-m pip`, or null for a script
 * @param foundBy how it was chosen, for doctor and error messages
 */
public record PipExecutable(List<String> command, Path script, Path python, String foundBy) {

    public static PipExecutable script(Path script, String foundBy) {
        return new PipExecutable(List.of(script.toString()), script, null, foundBy);
    }

    public static PipExecutable module(Path python, String foundBy) {
        return new PipExecutable(List.of(python.toString(), "-m", "pip"), null, python, foundBy);
    }

    /** The full argv to run pip with these arguments. */
    public List<String> argv(List<String> pipArgs) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(pipArgs);
        return argv;
    }

    public String display() {
        return String.join(" ", command);
    }
}
