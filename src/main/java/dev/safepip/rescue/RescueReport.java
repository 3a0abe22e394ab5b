package dev.safepip.rescue;

import dev.safepip.ui.Sanitizer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The listing of `safepip rescue`: each stray with its version, place, what it shadows, its commands, pip check. */
final class RescueReport {
    private RescueReport() {
    }

    static void print(PrintStream out, SystemPython python, List<Stray> strays, Map<String, Shadows.Shadow> shadows,
                      Map<String, List<String>> complaints) {
        if (strays.isEmpty()) {
            line(out, "Nothing to rescue: every package in " + python.python() + "'s search path was installed by "
                    + "the distribution.");
            return;
        }
        line(out, strays.size() + " package" + (strays.size() == 1 ? "" : "s") + " in " + python.python()
                + " (Python " + python.version() + ") that the distribution did not install:");
        int n = 1;
        for (Stray stray : strays) {
            line(out, "");
            line(out, (n++) + ") " + stray.name() + " " + stray.version() + "   (" + (stray.kind() == Stray.Kind.APPLICATION
                    ? "application: to pipx" : "library: to safepip's venv") + ")");
            line(out, "   where:     " + stray.site() + (stray.scope() == Stray.Scope.USER ? " (your user site)"
                    : " (system-wide" + (stray.rootOwned() ? ", root's files)" : ")")));
            line(out, "   installer: " + (stray.installer() == null ? "unknown (no INSTALLER file, and no package of "
                    + "the distribution owns it)" : stray.installer()));
            Shadows.Shadow shadow = shadows.get(stray.normalized());
            if (shadow != null) {
                line(out, "   " + shadow.label() + shadow.describe());
            }
            for (Path script : stray.scripts()) {
                line(out, "   command:   " + script + (Files.exists(script) ? "" : " (gone)"));
            }
            for (String complaint : complaints.getOrDefault(stray.normalized(), List.of())) {
                line(out, "   pip check: " + complaint);
            }
        }
    }

    private static void line(PrintStream out, String text) {
        // Names, versions and paths come from metadata anybody could have written.
        out.println(Sanitizer.clean(text));
    }
}
