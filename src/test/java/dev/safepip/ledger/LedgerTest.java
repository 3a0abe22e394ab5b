package dev.safepip.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @TempDir
    Path state;

    static LedgerRecord record(String name, String action, int exit) {
        return new LedgerRecord(Instant.parse("2026-11-23T01:00:00Z"), action, List.of(name), List.of(name + ">=1"),
                "venv", "/home/u/.local/share/safepip/venv", "/usr/bin/python3",
                List.of("/home/u/.local/share/safepip/venv/bin/pip", "install", name + ">=1"), exit);
    }

    @Test
    void recordsRoundTrip() throws IOException {
        Ledger ledger = new Ledger(state);
        LedgerRecord written = record("pkga", "install", 0);
        ledger.append(written);
        assertEquals(List.of(written), ledger.read());
    }

    @Test
    void aTornLastLineIsSkippedAndClosedOffBeforeTheNextAppend() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        String whole = record("pkgb", "install", 0).toJson();
        Files.writeString(ledger.file(), whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(1, ledger.read().size(), "the torn line is skipped");
        ledger.append(record("pkgc", "install", 0));
        List<LedgerRecord> records = ledger.read();
        assertEquals(List.of("pkga", "pkgc"), records.stream().map(r -> r.packages().get(0)).toList());
    }

    @Test
    void aLineTornInsideAMultiByteCharacterDoesNotSpoilTheFile() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        byte[] accented = "{\"time\":\"é".getBytes(StandardCharsets.UTF_8);
        Files.write(ledger.file(), java.util.Arrays.copyOf(accented, accented.length - 1), StandardOpenOption.APPEND);
        assertEquals(1, ledger.read().size());
    }

    @Test
    void concurrentAppendsStayWhole() throws Exception {
        Ledger ledger = new Ledger(state);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "pkg" + i;
            done.add(pool.submit(() -> {
                new Ledger(state).append(record(name, "install", 0));
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        assertEquals(200, ledger.read().size());
        assertEquals(200, Files.readAllLines(ledger.file()).size(), "one record a line, no line torn");
    }

    @Test
    void notJsonIsNoRecord() {
        assertNull(LedgerRecord.fromJson("not json"));
        assertNull(LedgerRecord.fromJson("{\"time\":\"yesterday\"}"));
    }

    @Test
    void holdingsFollowInstallsAndUninstalls() {
        List<LedgerRecord> records = List.of(record("pkga", "install", 0), record("pkgb", "install", 0),
                record("pkgc", "install", 1), record("pkga", "uninstall", 0));
        List<Holdings.Holding> holdings = Holdings.of(records);
        assertEquals(List.of("pkgb"), holdings.stream().map(Holdings.Holding::name).toList());
    }
}
