package dev.safepip.pip;

import dev.safepip.python.Interpreter;
import dev.safepip.python.MarkerMessage;

/**
 * What safepip knows before running pip: the real pip, its interpreter and whether PEP 668 blocks it.
 *
 * @param interpreter null when it could not be told
 * @param marker      the marker's message when managed, else null
 * @param reason      why the verdict is what it is, in a few words (for doctor and --plan)
 */
public record Situation(PipExecutable pip, Interpreter interpreter, Verdict verdict, MarkerMessage marker,
                        String reason) {

    public enum Verdict {
        /** The marker is there and pip runs outside any venv: install and uninstall are refused. */
        MANAGED,
        /** A venv, conda, or no marker: pip installs freely. */
        NOT_MANAGED,
        /** safepip could not tell without running pip (an unreadable wrapper, an unknown layout). */
        UNKNOWN
    }
}
