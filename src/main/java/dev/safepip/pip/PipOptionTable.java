package dev.safepip.pip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pip's options for its general parser and for the commands PEP 668 concerns, from a table generated from pip
 * itself (scripts/gen-pip-options, into PipOptionData), so that safepip splits argv exactly where pip does.
 */
public final class PipOptionTable {
    private static volatile PipOptionTable loaded;

    private final Map<String, PipOptionSet> byScope;

    private PipOptionTable(Map<String, PipOptionSet> byScope) {
        this.byScope = byScope;
    }

    public static PipOptionTable get() {
        PipOptionTable table = loaded;
        if (table == null) {
            table = load();
            loaded = table;
        }
        return table;
    }

    /** The general options, accepted before the command name. */
    public PipOptionSet general() {
        return byScope.get("global");
    }

    /** A command's options (its own and the general ones), or null for a command the table does not cover. */
    public PipOptionSet command(String name) {
        return "global".equals(name) ? null : byScope.get(name);
    }

    private static PipOptionTable load() {
        Map<String, List<PipOption>> options = new HashMap<>();
        for (String line : PipOptionData.TSV.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            // Plain loops, no lambdas: this runs on every pip call, and a first lambda costs milliseconds.
            List<PipOption> scope = options.get(cells[0]);
            if (scope == null) {
                scope = new ArrayList<>();
                options.put(cells[0], scope);
            }
            scope.add(new PipOption(List.of(cells[1].split(" ")), "VALUE".equals(cells[2])));
        }
        Map<String, PipOptionSet> sets = new HashMap<>();
        for (Map.Entry<String, List<PipOption>> entry : options.entrySet()) {
            sets.put(entry.getKey(), new PipOptionSet(entry.getValue()));
        }
        return new PipOptionTable(sets);
    }
}
