package dev.safepip.ledger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What the ledger says safepip has put where now: the last successful install not undone by an uninstall. */
public final class Holdings {

    /**
     * A package safepip installed, where, when, and by which route.
     *
     * @param command the command that installed it (its first word is the tool: a venv's pip, pipx, sudo)
     */
    public record Holding(String name, String route, String location, Instant time, String interpreter,
                          List<String> command) {
    }

    private Holdings() {
    }

    public static List<Holding> of(List<LedgerRecord> records) {
        Map<String, Holding> current = new LinkedHashMap<>();
        for (LedgerRecord record : records) {
            add(current, record);
        }
        return new ArrayList<>(current.values());
    }

    /** The holdings of a whole ledger, read as a stream: memory grows with what is held, not with the file. */
    public static List<Holding> of(Ledger ledger) throws IOException {
        ledger.requireRegular();
        List<Holding> held = new ArrayList<>();
        LatestRecords records = new LatestRecords(ledger.file());
        for (LatestRecords.Latest latest : records.latest().values()) {
            LedgerRecord record = latest.record();
            for (String name : record.packages()) {
                if (!latest.names().contains(name)) {
                    continue;
                }
                held.add(new Holding(name, record.route(), record.location(), record.time(), record.interpreter(),
                        record.command()));
            }
        }
        ledger.noteSkipped(records.damaged());
        return held;
    }

    /** The holdings of these packages only (all when none is named), read as a stream. */
    public static List<Holding> of(Ledger ledger, List<String> names) throws IOException {
        if (names.isEmpty()) {
            return of(ledger);
        }
        Map<String, Holding> current = new LinkedHashMap<>();
        // A class and a loop, not lambdas: a blocked uninstall reads this, where a first lambda costs milliseconds.
        ledger.forEach(new Consumer<LedgerRecord>() {
            @Override
            public void accept(LedgerRecord record) {
                add(current, record);
            }
        }, names);
        for (Iterator<Holding> held = current.values().iterator(); held.hasNext(); ) {
            if (!names.contains(held.next().name())) {
                held.remove();
            }
        }
        return new ArrayList<>(current.values());
    }

    private static void add(Map<String, Holding> current, LedgerRecord record) {
        if (record.exit() != 0) {
            return;
        }
        for (String name : record.packages()) {
            String key = name + "\u0000" + record.location();
            // Removed first: a package installed again moves to the end, the most recent.
            current.remove(key);
            if (record.action().equals("install")) {
                current.put(key, new Holding(name, record.route(), record.location(), record.time(),
                        record.interpreter(), record.command()));
            }
        }
    }
}
