package dev.safepip.pip;

import java.util.ArrayList;
import java.util.List;

/** Splits pip's argv with the option table, following optparse's rules (clusters, `=`, prefixes, `--`). */
public final class PipArgvParser {
    private final PipOptionTable table;

    public PipArgvParser(PipOptionTable table) {
        this.table = table;
    }

    public PipCommandLine parse(List<String> argv) {
        List<OptionUse> options = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        Scan general = scan(argv, 0, table.general(), options, true, positionals);
        if (general.stop >= argv.size()) {
            return new PipCommandLine(List.copyOf(argv), null, -1, options, List.of(), general.understood);
        }
        int at = general.stop;
        String command = argv.get(at);
        if (general.sawDoubleDash) {
            // pip re-reads the words after the command with the "--" still before them: all are positionals.
            return new PipCommandLine(List.copyOf(argv), command, at, options,
                    List.copyOf(argv.subList(at + 1, argv.size())), general.understood);
        }
        PipOptionSet commandOptions = table.command(command);
        if (commandOptions == null) {
            // A command the table does not cover: PEP 668 never concerns it, so its arguments need no reading.
            return new PipCommandLine(List.copyOf(argv), command, at, options, List.of(), general.understood);
        }
        Scan rest = scan(argv, at + 1, commandOptions, options, false, positionals);
        return new PipCommandLine(List.copyOf(argv), command, at, options, positionals,
                general.understood && rest.understood);
    }

    private record Scan(int stop, boolean understood, boolean sawDoubleDash) {
    }

    private Scan scan(List<String> argv, int from, PipOptionSet set, List<OptionUse> out, boolean general,
                      List<String> positionals) {
        boolean understood = true;
        int i = from;
        while (i < argv.size()) {
            String arg = argv.get(i);
            int start = i;
            if (arg.equals("--")) {
                if (general) {
                    // optparse swallows "--" and the next word is the command.
                    return new Scan(i + 1, understood, true);
                }
                positionals.addAll(argv.subList(i + 1, argv.size()));
                return new Scan(argv.size(), understood, false);
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                PipOption option = set.matchLong(name);
                if (option == null) {
                    understood = false;
                } else if (option.takesValue()) {
                    String value = eq >= 0 ? arg.substring(eq + 1) : null;
                    if (value == null) {
                        if (i + 1 < argv.size()) {
                            value = argv.get(++i);
                        } else {
                            understood = false;
                        }
                    }
                    out.add(new OptionUse(option, value, general, start, i + 1));
                } else if (eq >= 0) {
                    understood = false;
                } else {
                    out.add(new OptionUse(option, null, general, start, i + 1));
                }
                i++;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    PipOption option = set.matchShort(arg.charAt(j));
                    if (option == null) {
                        understood = false;
                        break;
                    }
                    if (option.takesValue()) {
                        String value = arg.substring(j + 1);
                        if (value.isEmpty()) {
                            if (i + 1 < argv.size()) {
                                value = argv.get(++i);
                            } else {
                                understood = false;
                            }
                        }
                        out.add(new OptionUse(option, value, general, start, i + 1));
                        break;
                    }
                    out.add(new OptionUse(option, null, general, start, i + 1));
                }
                i++;
            } else if (general) {
                return new Scan(i, understood, false);
            } else {
                positionals.add(arg);
                i++;
            }
        }
        return new Scan(i, understood, false);
    }
}
