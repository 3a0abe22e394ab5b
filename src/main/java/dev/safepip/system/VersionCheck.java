package dev.safepip.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Whether an installed version satisfies the specifier the user asked for, by pip's own PEP 440 rules. */
public final class VersionCheck {
    private VersionCheck() {
    }

    /** TRUE or FALSE, or null when the interpreter could not tell (no pip, a version PEP 440 does not know). */
    public static Boolean satisfies(Path python, Map<String, String> env, String version, String specifier) {
        try {
            List<SpecifierCheck.Verdict> verdicts = new SpecifierCheck(CommandStarter.captured(env))
                    .check(python, List.of(new SpecifierCheck.Question(version, specifier)));
            return switch (verdicts.get(0)) {
                case SATISFIED -> Boolean.TRUE;
                case NOT_SATISFIED -> Boolean.FALSE;
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }
}
