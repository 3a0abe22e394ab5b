package dev.safepip.shell;

import dev.safepip.core.ShellQuote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The shell code `safepip init SHELL` prints, from a template per shell: functions `pip` and `pip3` that run the
 * launcher, whose rule runs the real pip straight unless PEP 668 may concern the command (the rule lives there
 * alone, so the functions and the launcher cannot disagree), completion chained with pip's own, and optionally a PATH
 * line.
 */
public final class ShellInit {
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    /**
     * safepip's own words as completion needs them (from cli/OwnWords, which this package cannot read).
     *
     * @param words        what `safepip <TAB>` offers besides pip's words
     * @param commands     safepip's own commands but init, which complete to --help
     * @param valueOptions safepip's options that take a value: skipped with it before pip's words are completed
     * @param flags        safepip's other options that completion skips
     */
    public record Completion(List<String> words, List<String> commands, List<String> valueOptions,
                             List<String> flags) {
    }

    private ShellInit() {
    }

    /**
     * @param launcher     the safepip launcher the functions call, by absolute path
     * @param pathDirs     folders to put on PATH, or an empty list
     */
    public static String render(String shell, String launcher, Completion completion, List<String> pathDirs) {
        String name = shell.toLowerCase(Locale.ROOT);
        String template = read("/dev/safepip/shell/init." + name);
        boolean fish = name.equals("fish");
        return template
                .replace("@SAFEPIP@", word(fish, launcher))
                .replace("@OWN_WORDS@", String.join(" ", completion.words()))
                .replace("@OWN_COMMANDS_CASE@", String.join("|", completion.commands()))
                .replace("@OWN_VALUE_OPTIONS_CASE@", String.join("|", completion.valueOptions()))
                .replace("@OWN_SKIPPED_CASE@", skipped(completion))
                .replace("@PATH_LINE@", pathLine(fish, pathDirs));
    }

    /** Case patterns: a value option with its value in the same word (--via=venv), and the flags. */
    private static String skipped(Completion completion) {
        StringBuilder patterns = new StringBuilder();
        for (String option : completion.valueOptions()) {
            patterns.append(patterns.length() == 0 ? "" : "|").append(option).append("=*");
        }
        for (String flag : completion.flags()) {
            patterns.append(patterns.length() == 0 ? "" : "|").append(flag);
        }
        return patterns.toString();
    }

    private static String pathLine(boolean fish, List<String> dirs) {
        if (dirs.isEmpty()) {
            return "# (`safepip init --path` would also put the commands safepip installed on PATH.)\n";
        }
        StringBuilder quoted = new StringBuilder();
        for (String dir : dirs) {
            quoted.append(' ').append(word(fish, dir));
        }
        if (fish) {
            return "# The commands safepip installed (its default venv's, as links; pipx's), once each, however often this is "
                    + "sourced.\n"
                    + "for __safepip_dir in" + quoted + "\n    contains -- $__safepip_dir $PATH; or set -gx PATH "
                    + "$__safepip_dir $PATH\nend\nset -e __safepip_dir\n";
        }
        return "# The commands safepip installed (its default venv's, as links; pipx's), once each, however often this is "
                    + "sourced.\n"
                // ${PATH-}: an unset PATH must not end a `set -u` shell.
                + "for __safepip_dir in" + quoted + "; do\n    case \":${PATH-}:\" in\n        *\":$__safepip_dir:\"*) ;;\n"
                + "        *) PATH=\"$__safepip_dir${PATH:+:$PATH}\" ;;\n    esac\ndone\nunset __safepip_dir\n";
    }

    /**
     * One word, quoted for the shell. fish reads \\ and \' inside single quotes as escapes, where a POSIX shell reads
     * every character but ' as itself: a path with a backslash needs fish's own quoting.
     */
    static String word(boolean fish, String word) {
        if (!fish || (word.indexOf('\\') < 0 && word.indexOf('\'') < 0)) {
            return ShellQuote.word(word);
        }
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String read(String resource) {
        try (InputStream in = ShellInit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
