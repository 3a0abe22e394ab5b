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
        Scan general = scan(argv, 0, table.general(), options, true);
        if (general.stop >= argv.size()) {
            return new PipCommandLine(List.copyOf(argv), null, options, List.of(), general.understood);
        }
        String command = argv.get(general.stop);
        PipOptionSet commandOptions = table.command(command);
        if (commandOptions == null) {
            // A command the table does not cover: PEP 668 never concerns it, so its arguments need no reading.
            return new PipCommandLine(List.copyOf(argv), command, options, List.of(), general.understood);
        }
        List<String> positionals = new ArrayList<>();
        Scan rest = scan(argv, general.stop + 1, commandOptions, options, false, positionals);
        return new PipCommandLine(List.copyOf(argv), command, options, positionals,
                general.understood && rest.understood);
    }

    private record Scan(int stop, boolean understood) {
    }

    private Scan scan(List<String> argv, int from, PipOptionSet set, List<OptionUse> out, boolean stopAtPositional) {
        return scan(argv, from, set, out, stopAtPositional, new ArrayList<>());
    }

    private Scan scan(List<String> argv, int from, PipOptionSet set, List<OptionUse> out, boolean stopAtPositional,
                      List<String> positionals) {
        boolean understood = true;
        int i = from;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                if (stopAtPositional) {
                    // optparse swallows "--" and the next word is the command.
                    return new Scan(i + 1, understood);
                }
                positionals.addAll(argv.subList(i + 1, argv.size()));
                return new Scan(argv.size(), understood);
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
                    out.add(new OptionUse(option, value));
                } else if (eq >= 0) {
                    understood = false;
                } else {
                    out.add(new OptionUse(option, null));
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
                        out.add(new OptionUse(option, value));
                        break;
                    }
                    out.add(new OptionUse(option, null));
                }
                i++;
            } else if (stopAtPositional) {
                return new Scan(i, understood);
            } else {
                positionals.add(arg);
                i++;
            }
        }
        return new Scan(i, understood);
    }
}
