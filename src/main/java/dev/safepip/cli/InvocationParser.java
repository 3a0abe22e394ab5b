package dev.safepip.cli;

import dev.safepip.core.SafepipException;
import dev.safepip.config.WrapperOptions;
import dev.safepip.pip.PipOption;
import dev.safepip.pip.PipOptionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes safepip's own options (OwnWords) out of argv. They are only recognised before pip's command, among pip's
 * general options; none of their names is a pip option or a prefix of one, and nothing after the command is touched.
 * Hand-written, not picocli: this runs on every pip call.
 */
public final class InvocationParser {
    /** safepip's own commands (OwnWords); none of them is a pip command. */
    public static final Set<String> OWN_COMMANDS = Set.copyOf(OwnWords.commandNames());

    private final PipOptionSet general;

    public InvocationParser(PipOptionSet general) {
        this.general = general;
    }

    public Invocation parse(String[] argv) {
        String via = null;
        String venv = null;
        boolean yes = false;
        boolean plan = false;
        boolean help = false;
        String inject = null;
        List<String> pip = new ArrayList<>();
        int i = 0;
        while (i < argv.length) {
            String arg = argv[i];
            OwnWords.Option own = OwnWords.option(arg);
            if (own != null) {
                String value = own.takesValue() ? valueOf(argv, i, own.longName()) : null;
                i += own.takesValue() && arg.indexOf('=') < 0 ? 2 : 1;
                // One case per option of the table: a new option there fails here until it is given a meaning.
                switch (own.longName()) {
                    case "--via" -> via = value;
                    case "--venv" -> venv = value;
                    case "--inject" -> inject = value;
                    case "--yes" -> yes = true;
                    case "--plan" -> plan = true;
                    case "--help" -> help = true;
                    default -> throw new IllegalStateException("OwnWords has an option InvocationParser does not "
                            + "read: " + own.longName());
                }
            } else if (arg.equals("--")) {
                pip.addAll(List.of(argv).subList(i, argv.length));
                break;
            } else if (arg.startsWith("--")) {
                PipOption option = general.matchLong(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
                pip.add(arg);
                i++;
                if (option != null && option.takesValue() && !arg.contains("=") && i < argv.length) {
                    pip.add(argv[i++]);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                pip.add(arg);
                i++;
                if (shortClusterWantsNext(arg) && i < argv.length) {
                    pip.add(argv[i++]);
                }
            } else {
                if (OwnWords.command(arg) != null) {
                    WrapperOptions options = new WrapperOptions(via, venv, yes, plan, help, inject);
                    return new Invocation(options, arg, List.of(argv).subList(i + 1, argv.length));
                }
                pip.addAll(List.of(argv).subList(i, argv.length));
                break;
            }
        }
        return new Invocation(new WrapperOptions(via, venv, yes, plan, help, inject), null, List.copyOf(pip));
    }

    private boolean shortClusterWantsNext(String cluster) {
        for (int j = 1; j < cluster.length(); j++) {
            PipOption option = general.matchShort(cluster.charAt(j));
            if (option == null) {
                return false;
            }
            if (option.takesValue()) {
                return j == cluster.length() - 1;
            }
        }
        return false;
    }

    private static String valueOf(String[] argv, int i, String name) {
        String arg = argv[i];
        if (arg.startsWith(name + "=")) {
            return arg.substring(name.length() + 1);
        }
        if (i + 1 >= argv.length) {
            throw SafepipException.usage(name + " needs a value", "for example: safepip " + name
                    + (name.equals("--via") ? "=venv install requests" : name.equals("--inject")
                    ? "=ansible --via=pipx install netaddr" : "=~/venvs/tools install requests"));
        }
        return argv[i + 1];
    }
}
