package dev.safepip.pip;

import java.util.ArrayList;
import java.util.List;

/**
 * pip's argv split as pip splits it: general options, the command, the command's options and positional arguments.
 *
 * @param argv         the arguments exactly as pip receives them
 * @param command      the command name, or null when there is none (`pip --version`)
 * @param options      every option recognised, general and command ones, in order
 * @param positionals  the command's positional arguments (requirements, for install)
 * @param understood   false when some option is unknown to the table, ambiguous or malformed: pip will judge it,
 *                     safepip must not guess
 */
public record PipCommandLine(List<String> argv, String command, List<OptionUse> options, List<String> positionals,
                             boolean understood) {

    public boolean has(String key) {
        for (OptionUse use : options) {
            if (use.is(key)) {
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
}
