package dev.safepip.system;

import java.util.ArrayList;
import java.util.List;

/** Package manager command lines, with sudo in front when safepip does not run as root. */
final class Argv {
    private Argv() {
    }

    static List<String> of(boolean sudo, List<String> verb, List<String> packages) {
        List<String> argv = new ArrayList<>();
        if (sudo) {
            argv.add("sudo");
        }
        argv.addAll(verb);
        argv.addAll(packages);
        return List.copyOf(argv);
    }
}
