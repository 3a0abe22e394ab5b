package dev.safepip.run;

import dev.safepip.core.SafepipException;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.process.PipRunner;
import java.io.IOException;

/** pip run as the user ran it: pip's terminal, pip's output, pip's exit code. */
final class PassThrough {
    private PassThrough() {
    }

    static int run(PipRunner runner, PipExecutable pip, PipCommandLine line) {
        try {
            return runner.run(pip.argv(line.argv()));
        } catch (IOException e) {
            throw SafepipException.unavailable("cannot start " + pip.display() + ": " + e.getMessage(),
                    "check that it exists and is executable, or set SAFEPIP_PIP");
        }
    }
}
