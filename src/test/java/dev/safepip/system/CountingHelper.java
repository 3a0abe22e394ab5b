package dev.safepip.system;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs helpers for real and remembers each argv, so tests can say how many processes a resolve started. */
final class CountingHelper implements CommandStarter {
    final List<List<String>> started = new ArrayList<>();
    private final CommandStarter real = CommandStarter.captured(System.getenv());

    @Override
    public CapturedCommand.Result run(List<String> argv, Duration timeout) throws IOException {
        started.add(List.copyOf(argv));
        return real.run(argv, timeout);
    }

    long startedOf(String program) {
        return started.stream().filter(argv -> argv.get(0).endsWith(program)).count();
    }
}
