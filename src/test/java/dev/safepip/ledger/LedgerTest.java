package dev.safepip.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** Damaged records, each as `where` and `uninstall` once choked on or acted on. */
    @Test
    void aRecordThatMakesNoSenseIsSkippedNeverActedOn() {
        String good = record("pkga", "install", 0).toJson();
        assertNotNull(LedgerRecord.fromJson(good), "the good record is read");
        List<String> damaged = List.of(
                good.replace("/home/u/.local/share/safepip/venv\"", "/home/u/\\u0000venv\""),
                good.replace("\"location\":\"/home/u/.local/share/safepip/venv\"", "\"location\":\"\""),
                good.replace("\"location\":\"/home/u/.local/share/safepip/venv\"", "\"location\":\"venv\""),
                good.replace("\"location\":\"/home/u/.local/share/safepip/venv\"",
                        "\"location\":\"/home/u/../../etc\""),
                good.replaceFirst("\"command\":\\[[^]]*]", "\"command\":[]"),
                good.replace("\"route\":\"venv\"", "\"route\":\"shell\""),
                good.replace("\"action\":\"install\"", "\"action\":\"rm\""),
                good.replace("\"packages\":[\"pkga\"]", "\"packages\":[\"../../x\"]"),
                good.replace("\"packages\":[\"pkga\"]", "\"packages\":[1]"),
                good.replace("\"exit\":0", "\"exit\":\"0\""),
                // What `where` and `uninstall` would print raw: an escape sequence, a newline, a bidi override.
                good.replace("/home/u/.local/share/safepip/venv\"", "/home/u/\\u001b[2Jvenv\""),
                good.replace("/home/u/.local/share/safepip/venv\"", "/home/u/new\\nline\""),
                good.replace("/home/u/.local/share/safepip/venv\"", "/home/u/\\u202evenv\""),
                // A time no local date can hold.
                good.replace("\"time\":\"2026-11-23T01:00:00Z\"", "\"time\":\"+1000000000-01-01T00:00:00Z\""),
                good.replace("\"location\":\"/home/u/.local/share/safepip/venv\"", "\"location\":null"),
                good.replace("\"location\":\"/home/u/.local/share/safepip/venv\"",
                        "\"location\":[\"/home/u/.local/share/safepip/venv\"]"));
        for (String line : damaged) {
            assertNotEquals(good, line, "the test's replacement did not apply");
            assertNull(LedgerRecord.fromJson(line), line);
        }
    }

    @Test
    void aSystemRecordMustNameAPackageManagerAndAPipxRecordPipx() {
        LedgerRecord apt = new LedgerRecord(Instant.EPOCH, "install", List.of("six"), List.of("six"), "apt", "system",
                "/usr/bin/python3", List.of("sudo", "apt-get", "install", "python3-six"), 0);
        assertNotNull(LedgerRecord.fromJson(apt.toJson()));
        LedgerRecord hostile = new LedgerRecord(Instant.EPOCH, "install", List.of("six"), List.of("six"), "apt",
                "system", "/usr/bin/python3", List.of("sh", "-c", "rm -rf ~"), 0);
        assertNull(LedgerRecord.fromJson(hostile.toJson()));
        LedgerRecord pipx = new LedgerRecord(Instant.EPOCH, "install", List.of("black"), List.of("black"), "pipx",
                "/home/u/.local/pipx", "/usr/bin/python3", List.of("/usr/bin/pipx", "install", "black"), 0);
        assertNotNull(LedgerRecord.fromJson(pipx.toJson()));
        LedgerRecord notPipx = new LedgerRecord(Instant.EPOCH, "install", List.of("black"), List.of("black"), "pipx",
                "/home/u/.local/pipx", "/usr/bin/python3", List.of("/tmp/evil", "install", "black"), 0);
        assertNull(LedgerRecord.fromJson(notPipx.toJson()));
    }

    @Test
    void damagedAndOversizedLinesAreSkippedAndCounted() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        Files.writeString(ledger.file(), "{\"pad\":\"" + "x".repeat(Ledger.MAX_LINE * 2) + "\"}\n"
                + record("pkgb", "install", 0).toJson().replace("\"route\":\"venv\"", "\"route\":\"?\"") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ledger.append(record("pkgc", "install", 0));
        List<String> names = new ArrayList<>();
        int skipped = ledger.forEach(r -> names.add(r.packages().get(0)));
        assertEquals(List.of("pkga", "pkgc"), names);
        assertEquals(2, skipped);
    }

    /** where and uninstall say how many lines they skipped: the whole-ledger reading counts the same lines. */
    @Test
    void theWholeLedgersReadingCountsTheSameSkippedLines() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        Files.writeString(ledger.file(), "{\"pad\":\"" + "x".repeat(Ledger.MAX_LINE * 2) + "\"}\n"
                + record("pkgb", "install", 0).toJson().replace("\"route\":\"venv\"", "\"route\":\"?\"") + "\n"
                + "  \n{\"time\": \"2026-11-23T01:00:00Z\", \"action\": \"inst\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ledger.append(record("pkgc", "install", 0));
        assertEquals(0, ledger.skipped());
        List<String> held = new ArrayList<>();
        for (Holdings.Holding holding : Holdings.of(ledger)) {
            held.add(holding.name());
        }
        assertEquals(List.of("pkga", "pkgc"), held);
        assertEquals(3, ledger.skipped(), "too long, not sensible, torn; the blank line is no record and no damage");
        assertEquals(3, ledger.forEach(r -> { }));
        assertEquals(3, ledger.skipped());
        Holdings.of(ledger, List.of("pkga"));
        assertEquals(1, ledger.skipped(), "of the lines that may name pkga, only the one too long to read");
    }

    @Test
    void aLedgerThatIsNotAFileIsRefusedNotRead() throws Exception {
        Files.createDirectories(state);
        Path ledgerFile = new Ledger(state).file();
        Files.createSymbolicLink(ledgerFile, Path.of("/dev/zero"));
        assertThrows(IOException.class, () -> new Ledger(state).forEach(r -> { }));
        assertThrows(IOException.class, () -> new Ledger(state).append(record("pkga", "install", 0)));
    }

    @Test
    void holdingsAreReadAsAStream() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        ledger.append(record("pkgb", "install", 0));
        ledger.append(record("pkga", "uninstall", 0));
        assertEquals(List.of("pkgb"), Holdings.of(ledger).stream().map(Holdings.Holding::name).toList());
    }

    @Test
    void timesAreReadByHandExactlyAsInstantParseReadsThem() {
        for (String text : List.of("2026-11-23T01:00:00Z", "2026-12-01T16:40:12.345Z", "2026-12-01T16:40:12.345678901Z",
                "1999-02-28T23:59:59.1Z", Instant.now().toString())) {
            assertEquals(Instant.parse(text), LedgerRecord.instant(text), text);
        }
        for (String bad : List.of("2026-13-01T00:00:00Z", "2026-11-23T01:00:00", "+026-11-23T01:00:00Z",
                "2026-11-23T01:00:60Z", "yesterday", "2026-11-23T01:00:00,5Z")) {
            assertThrows(RuntimeException.class, () -> LedgerRecord.instant(bad), bad);
        }
    }

    @Test
    void askingForNamesReadsOnlyTheirRecords() throws IOException {
        Ledger ledger = new Ledger(state);
        ledger.append(record("pkga", "install", 0));
        ledger.append(record("pkgab", "install", 0));
        ledger.append(record("pkgb", "install", 0));
        ledger.append(record("pkga", "uninstall", 0));
        ledger.append(record("pkga", "install", 0));
        assertEquals(List.of("pkga"), Holdings.of(ledger, List.of("pkga")).stream().map(Holdings.Holding::name)
                .toList());
        assertEquals(List.of(), Holdings.of(ledger, List.of("pkgc")));
    }

    /** The two-pass reading of the whole ledger gives what reading every record in order gives. */
    @Test
    void theLatestHoldingsOfTheWholeLedgerAreThoseOfReadingItInOrder() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            Path dir = Files.createDirectories(state.resolve("seed" + seed));
            Ledger ledger = new Ledger(dir);
            writeRandomLedger(ledger.file(), new java.util.Random(seed));
            assertEquals(Holdings.of(ledger.read()), Holdings.of(ledger), "seed " + seed);
        }
    }

    /**
     * Records of few packages at few places, installs, uninstalls and failures, some damaged or written in another
     * shape than safepip's: what the byte-level reading must either read exactly or leave to the JSON parser.
     */
    private static void writeRandomLedger(Path file, java.util.Random random) throws IOException {
        List<String> places = List.of("/home/u/.local/share/safepip/venv", "/home/u/proj/.venv",
                "/home/jürgen/.venv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String name = "pkg" + random.nextInt(12);
            String other = "pkg" + random.nextInt(12);
            String place = places.get(random.nextInt(places.size()));
            List<String> names = name.equals(other) ? List.of(name) : List.of(name, other);
            List<String> requirements = random.nextInt(8) == 0 ? List.of(name + "; python_version > \"3\"") : names;
            LedgerRecord record = new LedgerRecord(Instant.parse("2026-11-23T01:00:00Z").plusSeconds(i),
                    random.nextInt(4) == 0 ? "uninstall" : "install", names, requirements, "venv", place,
                    "/usr/bin/python3", List.of(place + "/bin/pip", "install", name), random.nextInt(5) == 0 ? 1 : 0);
            String line = record.toJson();
            switch (random.nextInt(30)) {
                case 0 -> line = line.replace("\"route\":\"venv\"", "\"route\":\"nowhere\"");
                case 1 -> line = " " + line.replace(",", " , ");
                case 2 -> line = line.substring(0, line.length() / 2);
                // A key given twice: the JSON parser keeps the last.
                case 3 -> line = line.substring(0, line.length() - 1) + ",\"packages\":[\"" + other + "\"]}";
                case 4 -> line = line.substring(0, line.length() - 1) + ",\"location\":\"" + places.get(0) + "\"}";
                case 5 -> line = line.replace("\"exit\":0", "\"exit\":00");
                case 6 -> line = line.replace("\"location\":\"/", "\"location\":\"\\/");
                case 7 -> line = line + "\r";
                case 8 -> line = line.replace("\"packages\":[\"", "\"packages\":[\"\\u0070");
                case 9 -> line = line.replace("\"packages\":[\"", "\"packages\":[\"P");
                case 10 -> line = "";
                case 11 -> line = line + " ";
                case 12 -> line = line.replace("}", "}x");
                case 13 -> line = line.replace("\"exit\":", "\"exit\":-");
                case 14 -> line = line.replace("\"location\":\"", "\"location\":\"\\u0001");
                case 15 -> line = line.replace("\"interpreter\":\"", "\"interpreter\":\"\u0001");
                case 16 -> line = line.replace("\"interpreter\":\"", "\"interpreter\":\"\\x");
                case 17 -> line = line.replace("\"interpreter\":\"", "\"interpreter\":\"\\u00e9\\u00zz");
                case 18 -> line = line.replace("\"interpreter\":\"/usr", "\"interpreter\":\"\\u12");
                case 19 -> line = line.replace("\"exit\":", "\"exit\":" + (random.nextBoolean() ? "99999999999" : "-"));
                case 20 -> line = line.replace("\"time\":\"2026", "\"time\":\"\\u0032026");
                case 21 -> line = line.replace("\"action\":\"", "\"action\":\"\\t");
                default -> { }
            }
            text.append(line).append('\n');
        }
        if (random.nextBoolean()) {
            text.append("{\"pad\":\"").append("x".repeat(Ledger.MAX_LINE)).append("\"}\n");
        }
        // A torn last line, or a whole one without its newline.
        text.append(random.nextBoolean() ? "{\"time\":\"2026" : LedgerTest.record("pkg1", "install", 0).toJson());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
