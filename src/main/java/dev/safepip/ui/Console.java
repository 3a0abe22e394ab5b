package dev.safepip.ui;

import java.io.PrintStream;
import java.util.Map;
import org.jline.jansi.Ansi;

/**
 * Where safepip speaks to the user: its messages go to stderr, like pip's, and stdout stays pip's. Colour only on
 * a terminal, never with NO_COLOR or TERM=dumb, always with FORCE_COLOR. Every jansi call lives here.
 */
public final class Console {
    private final PrintStream err;
    private final boolean colour;

    public Console(PrintStream err, boolean errIsTerminal, Map<String, String> env) {
        this.err = err;
        this.colour = wantsColour(errIsTerminal, env);
    }

    static boolean wantsColour(boolean terminal, Map<String, String> env) {
        if (present(env.get("NO_COLOR"))) {
            return false;
        }
        if (present(env.get("FORCE_COLOR"))) {
            return true;
        }
        return terminal && !"dumb".equals(env.get("TERM"));
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /**
     * A line of safepip's own text. Every method here sanitizes what it prints: safepip's sentences carry names
     * from wheels, requirements from the command line and paths from the ledger, none of which it wrote itself.
     */
    public void say(String text) {
        err.println(Sanitizer.clean(text));
    }

    /** A heading: what happened. */
    public void headline(String raw) {
        String text = Sanitizer.clean(raw);
        err.println(colour ? Ansi.ansi().bold().fgYellow().a(text).reset().toString() : text);
    }

    /** A command the user can copy, indented. */
    public void command(String raw) {
        String text = Sanitizer.clean(raw);
        err.println(colour ? "    " + Ansi.ansi().fgCyan().a(text).reset() : "    " + text);
    }

    /** Text quoted from a file or a tool: sanitized, cut, indented with a bar. */
    public void quote(String text) {
        for (String line : Sanitizer.cleanAndCut(text, 40, 4000).split("\n")) {
            err.println(colour ? Ansi.ansi().fgBrightBlack().a("  │ ").reset() + line : "  | " + line);
        }
    }

    /** A choice that cannot be taken: greyed. */
    public void dim(String raw) {
        String text = Sanitizer.clean(raw);
        err.println(colour ? Ansi.ansi().fgBrightBlack().a(text).reset().toString() : text);
    }

    /** A question waiting for an answer on the same line. */
    public void prompt(String raw) {
        String text = Sanitizer.clean(raw);
        err.print(colour ? Ansi.ansi().bold().a(text).reset().toString() : text);
        err.flush();
    }

    /** A warning that something is dangerous. */
    public void danger(String raw) {
        String text = Sanitizer.clean(raw);
        err.println(colour ? Ansi.ansi().bold().fgRed().a(text).reset().toString() : text);
    }

    /** safepip's own failure: one line saying what went wrong and what to do about it. */
    public void error(String message, String hint) {
        String line = "safepip: " + Sanitizer.clean(message) + (hint == null ? "" : "; " + Sanitizer.clean(hint));
        err.println(colour ? Ansi.ansi().fgRed().a(line).reset().toString() : line);
    }
}
