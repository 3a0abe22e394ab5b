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
        String tsv = PipOptionData.TSV;
        // Cut by hand, no lambdas, no split: this runs on every pip call that reaches the JVM, mostly interpreted.
        for (int start = 0, end; start < tsv.length(); start = end + 1) {
            end = tsv.indexOf('\n', start);
            if (end < 0) {
                end = tsv.length();
            }
            int tab = tsv.indexOf('\t', start);
            int tab2 = tab < 0 || tab > end ? -1 : tsv.indexOf('\t', tab + 1);
            if (tab2 < 0 || tab2 > end) {
                continue;
            }
            String scopeName = tsv.substring(start, tab);
            List<PipOption> scope = options.get(scopeName);
            if (scope == null) {
                scope = new ArrayList<>();
                options.put(scopeName, scope);
            }
            scope.add(new PipOption(names(tsv, tab + 1, tab2), tsv.startsWith("VALUE", tab2 + 1)));
        }
        Map<String, PipOptionSet> sets = new HashMap<>();
        for (Map.Entry<String, List<PipOption>> entry : options.entrySet()) {
            sets.put(entry.getKey(), new PipOptionSet(entry.getValue()));
        }
        return new PipOptionTable(sets);
    }

    /** The space-separated names between from and to. */
    private static List<String> names(String tsv, int from, int to) {
        List<String> names = new ArrayList<>(2);
        for (int start = from, end; start < to; start = end + 1) {
            end = tsv.indexOf(' ', start);
            if (end < 0 || end > to) {
                end = to;
            }
            names.add(tsv.substring(start, end));
        }
        return List.copyOf(names);
    }
}
