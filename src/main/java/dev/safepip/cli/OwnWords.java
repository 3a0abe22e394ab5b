package dev.safepip.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * safepip's own words: its commands, and the options it takes before pip's command. The one list that the JVM's
 * dispatch ({@link InvocationParser}), picocli's help ({@link OwnCommands}), completion and `init` read. The launcher
 * cannot read Java: its copy is the "safepip's words" block of scripts/safepip, which scripts/gen-own-words renders
 * from this file ({@link #launcherBlock()}) and OwnWordsTest compares with it.
 *
 * <p>Only the JDK here: scripts/gen-own-words runs this file as a single-file program, without a build. The lookups
 * run on every pip call that reaches the JVM: plain loops (ColdPathIT).
 *
 * <p>Not safepip's: `--version` and `-V` before pip's command are pip's (`safepip --version` is pip's version); each
 * command's own `-V` comes from {@link HelpOptions}.
 */
public final class OwnWords {
    /**
     * One of safepip's commands; none of them is a pip command.
     *
     * @param synopsis what follows `safepip` in the usage line of `safepip --help`
     * @param summary  the first paragraph of its help, also its entry in `safepip --help`
     * @param compiles whether the JVM compiles as usual for it (the launcher's jit), as it does for commands that
     *                 read a whole ledger or build picocli's help, rather than late as for a pip call's short report
     */
    public record Command(String name, String synopsis, String summary, boolean compiles) {
    }

    /**
     * One of safepip's options, recognised only before pip's command, among pip's general options; none of its names
     * is a pip option or a prefix of one.
     *
     * @param names      its spellings, the long one last
     * @param paramLabel its value's name in help when it takes a value (`--via ROUTE` or `--via=ROUTE`), else null
     * @param help       whether it asks for help: the JVM compiles as usual for it, and completion passes it to pip
     */
    public record Option(List<String> names, String paramLabel, String summary, boolean help) {
        public boolean takesValue() {
            return paramLabel != null;
        }

        /** The name completion offers and the parser keys on. */
        public String longName() {
            return names.get(names.size() - 1);
        }

        /** This option as given in one argv word: a name, or a name, '=' and a value when it takes a value. */
        public boolean matches(String word) {
            for (String name : names) {
                if (word.equals(name) || takesValue() && word.startsWith(name)
                        && word.length() > name.length() && word.charAt(name.length()) == '=') {
                    return true;
                }
            }
            return false;
        }
    }

    // Constants, so that each command's @Command annotation can name the same words the table holds.
    static final String DOCTOR = "doctor";
    static final String DOCTOR_SUMMARY = "Show what safepip sees: the real pip, its Python, the PEP 668 marker, "
            + "pipx, apt, and the settings with where each comes from.";
    static final String WHERE = "where";
    static final String WHERE_SUMMARY = "Show what safepip installed instead of a blocked pip install: where, when, "
            + "by which route, whether it is still there, and its commands, with whether your shell finds them on PATH.";
    static final String RESCUE = "rescue";
    static final String RESCUE_SUMMARY = "list the packages in the system Python that the distribution did not "
            + "install (sudo pip, --break-system-packages, --user); with --yes or names, move each where it belongs at "
            + "the same version (applications to pipx, libraries to safepip's venv), then remove the old copy";
    static final String INIT = "init";
    static final String INIT_SUMMARY = "Print shell code for your shell's profile: pip and pip3 send install and "
            + "uninstall through safepip and run every other command as the real pip, with completion.";
    static final String HELP_SUMMARY = "Show help.";

    /** In the order `safepip --help` lists them. */
    public static final List<Command> COMMANDS = List.of(
            new Command(DOCTOR, DOCTOR, DOCTOR_SUMMARY, true),
            new Command(WHERE, WHERE + " [PKG…]", WHERE_SUMMARY, true),
            new Command(RESCUE, RESCUE + " [--yes|--plan] [PKG…] | --undo PKG", RESCUE_SUMMARY, true),
            new Command(INIT, INIT + " bash|zsh|fish [--path]", INIT_SUMMARY, true));

    /** In the order completion offers them (`safepip --help` sorts them). */
    public static final List<Option> OPTIONS = List.of(
            new Option(List.of("--via"), "ROUTE",
                    "How to redo a blocked install: ask, venv, pipx, apt, break, fail (default: ask).", false),
            new Option(List.of("--venv"), "DIR", "The virtual environment for the venv route.", false),
            new Option(List.of("--inject"), "APP",
                    "With the pipx route: add the libraries to the environment of pipx application APP.", false),
            new Option(List.of("--yes"), null, "Take the recommended route without asking.", false),
            new Option(List.of("--plan"), null, "Show what safepip would do, and run nothing.", false),
            new Option(List.of("-h", "--help"), null, HELP_SUMMARY, true));

    private OwnWords() {
    }

    /** The command of that name, or null when the word is none of safepip's. */
    public static Command command(String word) {
        for (Command command : COMMANDS) {
            if (command.name().equals(word)) {
                return command;
            }
        }
        return null;
    }

    /** The option that argv word gives, or null when it is none of safepip's. */
    public static Option option(String word) {
        for (Option option : OPTIONS) {
            if (option.matches(word)) {
                return option;
            }
        }
        return null;
    }

    public static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (Command command : COMMANDS) {
            names.add(command.name());
        }
        return names;
    }

    /** What completion offers for `safepip <TAB>` besides pip's words: each option's long name, then the commands. */
    public static List<String> completionWords() {
        List<String> words = new ArrayList<>();
        for (Option option : OPTIONS) {
            words.add(option.longName());
        }
        words.addAll(commandNames());
        return words;
    }

    /**
     * The launcher's copy, as POSIX sh functions of case patterns only: no process and no file read on the path of
     * every pip call. Between its marker lines, as scripts/gen-own-words writes it into scripts/safepip.
     */
    public static String launcherBlock() {
        List<String> optionWords = new ArrayList<>();
        List<String> compiles = new ArrayList<>();
        for (Command command : COMMANDS) {
            if (command.compiles()) {
                compiles.add(command.name());
            }
        }
        for (Option option : OPTIONS) {
            for (String name : option.names()) {
                optionWords.add(name);
                if (option.takesValue()) {
                    optionWords.add(name + "=*");
                }
                if (option.help()) {
                    compiles.add(name);
                }
            }
        }
        return "# >>> safepip's words: GENERATED by scripts/gen-own-words from src/main/java/dev/safepip/cli/OwnWords.java\n"
                + "# safepip's own options (before pip's command, as InvocationParser takes them), its own commands, and the\n"
                + "# words for which its JVM compiles as usual (see jit below).\n"
                + caseFunction("own_option", optionWords)
                + caseFunction("own_command", commandNames())
                + caseFunction("compiles_as_usual", compiles)
                + "# <<< safepip's words\n";
    }

    private static String caseFunction(String name, List<String> patterns) {
        return name + "() {\n    case $1 in " + String.join("|", patterns) + ") return 0 ;; esac\n    return 1\n}\n";
    }

    /** For scripts/gen-own-words: the launcher's block, on stdout. */
    public static void main(String[] args) {
        System.out.print(launcherBlock());
    }
}
