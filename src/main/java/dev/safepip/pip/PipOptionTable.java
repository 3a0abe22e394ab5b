package dev.safepip.pip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pip's options for its general parser and for the commands PEP 668 concerns, read from a data file generated from
 * pip itself (scripts/gen-pip-options), so that safepip splits argv exactly where pip does.
 */
public final class PipOptionTable {
    private static final String RESOURCE = "/dev/safepip/pip/options.tsv";
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
        try (InputStream raw = PipOptionTable.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, PipOptionSet> sets = new HashMap<>();
        for (Map.Entry<String, List<PipOption>> entry : options.entrySet()) {
            sets.put(entry.getKey(), new PipOptionSet(entry.getValue()));
        }
        return new PipOptionTable(sets);
    }
}
