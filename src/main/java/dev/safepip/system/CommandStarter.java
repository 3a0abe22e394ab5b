package dev.safepip.system;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How this package starts its helper processes (apt-cache, the interpreter); tests count them through it. */
@FunctionalInterface
interface CommandStarter {
    /** The answers do not depend on the folder, and a folder the user has deleted must not stop them. */
    Path CWD = Path.of("/");

    CapturedCommand.Result run(List<String> argv, Duration timeout) throws IOException;

    /**
     * Helpers under the C locale: safepip reads apt's messages, which would otherwise come translated. They run
     * beside pip's look at the package, so behind it in the CPU's queue.
     */
    static CommandStarter captured(Map<String, String> env) {
        Map<String, String> child = new HashMap<>(env);
        child.put("LC_ALL", "C");
        // A class, not a lambda: this is made on every blocked install, where a first lambda costs milliseconds.
        return new CommandStarter() {
            @Override
            public CapturedCommand.Result run(List<String> argv, Duration timeout) throws IOException {
                return CapturedCommand.runBeside(argv, child, CWD, timeout);
            }
        };
    }
}
