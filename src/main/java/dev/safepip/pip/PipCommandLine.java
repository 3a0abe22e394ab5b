package dev.safepip.pip;

import java.util.ArrayList;
import java.util.List;

/**
 * pip's argv split as pip splits it: general options, the command, the command's options and positional arguments.
 *
 * @param argv         the arguments exactly as pip receives them
 * @param command      the command name, or null when there is none (`pip --version`)
 * @param commandIndex where the command is in argv, or -1
 * @param options      every option recognised, general and command ones, in order
 * @param positionals  the command's positional arguments (requirements, for install)
 * @param understood   false when some option is unknown to the table, ambiguous or malformed: pip will judge it,
 *                     safepip must not guess
 */
public record PipCommandLine(List<String> argv, String command, int commandIndex, List<OptionUse> options,
                             List<String> positionals, boolean understood) {

    public boolean has(String key) {
        for (OptionUse use : options) {
            if (use.is(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the option was given before the command, where pip's main parser acts on it. */
    public boolean hasGeneral(String key) {
        for (OptionUse use : options) {
            if (use.general() && use.is(key)) {
                return true;
            }
        }
        return false;
    }

    public List<String> values(String key) {
        List<String> values = new ArrayList<>();
        for (OptionUse use : options) {
            if (use.is(key)) {
                values.add(use.value());
            }
        }
        return values;
    }

    public boolean isCommand(String name) {
        return name.equals(command);
    }

    /** argv without the words of the options with these keys. */
    public List<String> without(List<String> keys) {
        boolean[] drop = new boolean[argv.size()];
        for (OptionUse use : options) {
            if (keys.stream().anyMatch(use::is)) {
                for (int i = use.start(); i < use.end(); i++) {
                    drop[i] = true;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            if (!drop[i]) {
                kept.add(argv.get(i));
            }
        }
        return kept;
    }

    /** The words of the options with these keys, as the user typed them. */
    public List<String> wordsOf(List<String> keys) {
        List<String> words = new ArrayList<>();
        for (OptionUse use : options) {
            if (keys.stream().anyMatch(use::is)) {
                words.addAll(argv.subList(use.start(), use.end()));
            }
        }
        return words;
    }
}
