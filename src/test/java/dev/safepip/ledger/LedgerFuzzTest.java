package dev.safepip.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.safepip.core.World;
import dev.safepip.python.ProjectName;
import dev.safepip.run.Safepip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledgers of damaged records of every shape, made at random from a fixed seed: whatever a line holds, every reader
 * of the ledger skips what makes no sense without an exception, the readers agree, and `where` prints nothing of a
 * record raw (no control character, escape sequence or bidirectional override reaches the terminal).
 */
class LedgerFuzzTest {
    private static final String[] KEYS = {"time", "action", "packages", "requirements", "route", "location",
        "interpreter", "command", "exit"};

    /** JSON values of every kind and damage; each may take any key's place. */
    private static final List<String> VALUES = List.of(
            "\"\"", "null", "true", "0", "-1", "1.5", "-0", "1e400", "99999999999999999999", "2147483648",
            "[]", "[\"pkg1\"]", "[1]", "[null]", "[[]]", "{}", "{\"a\":1}",
            "\"venv\"", "\"pipx\"", "\"apt\"", "\"system\"", "\"install\"", "\"uninstall\"", "\"shell\"",
            "\"relative/venv\"", "\"..\"", "\"/home/u/../../etc\"", "\"/home/u/./venv\"", "\"/\"", "\"//x\"",
            "\"/home/u/\\u0000venv\"", "\"/home/u/\\u001b[31mred\"", "\"/home/u/\\u001b]0;title\\u0007\"",
            "\"/home/u/\\u009b31m\"", "\"/home/u/\\u202eevil\"", "\"/home/u/new\\nline\"", "\"/home/u/tab\\there\"",
            "\"/home/u/\\u007f\"", "\"\\ud800\"", "\"/home/u/" + "x".repeat(5000) + "\"",
            "\"+1000000000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"2026-11-23T01:00:00Z\"", "\"yesterday\"",
            "[\"\"]", "[\"sudo\"]", "[\"/bin/sh\",\"-c\",\"rm -rf ~\"]", "[\"pkg\\u001b[2J\"]", "[\"PKG\"]",
            "[\"-pkg\"]", "[\"pkg--a\"]", "[\"../x\"]", "\"\\x\"", "\"\\u12\"");

    /** Whole lines that are no record, or not a JSON object at all. */
    private static final List<String> LINES = List.of("", " ", "[]", "null", "42", "\"x\"", "{", "}", "{}",
            "{\"time\":", "\u001b[31m{}", "{\"a\":" + "[".repeat(900) + "]".repeat(900) + "}",
            "[".repeat(5000), "{\"location\":\"\"}");

    @TempDir
    Path home;
    private TimeZone zone;

    @BeforeEach
    void farEast() {
        // The zone furthest from UTC: a time near an Instant's limits no longer fits in a local date there.
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    @Test
    void noDamagedRecordEscapesAsAnExceptionOrReachesTheTerminalRaw() throws IOException {
        Random random = new Random(20);
        for (int round = 0; round < 150; round++) {
            Path state = Files.createDirectories(home.resolve("state" + round + "/safepip"));
            Path file = state.resolve("ledger.jsonl");
            Files.write(file, randomLedger(random));
            String ledgerText = "round " + round + ": " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Ledger ledger = new Ledger(state);
            try {
                List<Holdings.Holding> inOrder = Holdings.of(ledger.read());
                assertEquals(inOrder, Holdings.of(ledger), ledgerText);
                List<Holdings.Holding> some = Holdings.of(ledger, List.of("pkg1", "pkg2"));
                List<Holdings.Holding> expected = new ArrayList<>();
                for (Holdings.Holding holding : inOrder) {
                    if (holding.name().equals("pkg1") || holding.name().equals("pkg2")) {
                        expected.add(holding);
                    }
                }
                assertEquals(expected, some, ledgerText);
                for (Holdings.Holding holding : inOrder) {
                    assertSensible(holding, ledgerText);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(e + " escaped for " + ledgerText, e);
            }
            where(state.getParent(), ledgerText);
            where(state.getParent(), ledgerText, "pkg1", "PKG2", "\u001b[2J");
        }
    }

    /** The first line's place is the empty one: once an IndexOutOfBoundsException in `where`. */
    @Test
    void anEmptyLocationOnTheFirstLineIsSkipped() throws IOException {
        Path state = Files.createDirectories(home.resolve("s/safepip"));
        String good = LedgerTest.record("pkgb", "install", 0).toJson();
        String empty = LedgerTest.record("pkga", "install", 0).toJson()
                .replace("\"location\":\"/home/u/.local/share/safepip/venv\"", "\"location\":\"\"");
        Files.writeString(state.resolve("ledger.jsonl"), empty + "\n" + good + "\n");
        Ledger ledger = new Ledger(state);
        assertEquals(List.of("pkgb"), Holdings.of(ledger).stream().map(Holdings.Holding::name).toList());
        assertEquals(List.of(), Holdings.of(ledger, List.of("pkga")));
        where(state.getParent(), empty);
    }

    private static void assertSensible(Holdings.Holding holding, String context) {
        assertTrue(ProjectName.isNormalized(holding.name()), context);
        assertTrue(holding.location().equals("system") || holding.location().startsWith("/")
                && Path.of(holding.location()).normalize().toString().equals(holding.location()), context);
        assertFalse(hasRaw(holding.location()), context);
        assertTrue(holding.time().isAfter(Instant.parse("0000-12-31T00:00:00Z"))
                && holding.time().isBefore(Instant.parse("9999-12-31T00:00:00Z")), context);
    }

    /** `where` run in this JVM as the command line runs it: exit 0 or 1, one-line messages, nothing raw. */
    private void where(Path stateHome, String context, String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        World world = new World(Map.of("HOME", home.toString(), "XDG_STATE_HOME", stateHome.toString()), home,
                new World.Tty(false, false, false), null, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        List<String> args = new ArrayList<>(List.of("where"));
        args.addAll(List.of(names));
        int exit = new Safepip(world).run(args.toArray(new String[0]));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        if (exit != 0 && exit != 1 || printed.contains("internal error")) {
            fail("where " + args + " gave " + exit + ": " + printed + "\nfor " + context);
        }
        assertFalse(hasRaw(printed.replace("\n", "")), "printed raw: " + printed + "\nfor " + context);
    }

    /** A control character (newline aside), DEL, a C1 control or a bidirectional override. */
    private static boolean hasRaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return true;
            }
        }
        return false;
    }

    /** A few lines: good records of a few packages and places, and records damaged one to three ways. */
    private static byte[] randomLedger(Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (random.nextInt(6) == 0) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(10) == 0) {
                bytes.write(LINES.get(random.nextInt(LINES.size())).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(damaged(random));
            }
            bytes.write(random.nextInt(20) == 0 ? '\r' : '\n');
        }
        return bytes.toByteArray();
    }

    private static byte[] damaged(Random random) throws IOException {
        String[] values = {"\"2026-11-23T01:00:00Z\"", random.nextInt(4) == 0 ? "\"uninstall\"" : "\"install\"",
            "[\"pkg" + random.nextInt(4) + "\"]", "[\"pkg\"]", "\"venv\"",
            random.nextBoolean() ? "\"/home/u/venv\"" : "\"/home/u/proj/.venv\"", "\"/usr/bin/python3\"",
            "[\"/home/u/venv/bin/pip\",\"install\",\"pkg\"]", random.nextInt(5) == 0 ? "1" : "0"};
        List<String> extra = new ArrayList<>();
        int damage = random.nextInt(4);
        for (int d = 0; d < damage; d++) {
            String value = VALUES.get(random.nextInt(VALUES.size()));
            int key = random.nextInt(KEYS.length);
            if (random.nextInt(4) == 0) {
                // The key again: the JSON parser keeps the last.
                extra.add("\"" + KEYS[key] + "\":" + value);
            } else {
                values[key] = value;
            }
        }
        StringBuilder line = new StringBuilder("{");
        for (int k = 0; k < KEYS.length; k++) {
            if (random.nextInt(30) != 0) {
                line.append(line.length() > 1 ? "," : "").append('"').append(KEYS[k]).append("\":").append(values[k]);
            }
        }
        for (String pair : extra) {
            line.append(line.length() > 1 ? "," : "").append(pair);
        }
        line.append('}');
        byte[] utf8 = line.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0) {
            // Invalid UTF-8 inside a string: a lone continuation byte, a cut sequence, an overlong slash, a raw ESC.
            byte[][] bad = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {0x1B}, {0}};
            byte[] insert = bad[random.nextInt(bad.length)];
            int at = line.indexOf("/home/u/") + 8;
            if (at > 8) {
                ByteArrayOutputStream spliced = new ByteArrayOutputStream();
                spliced.write(utf8, 0, at);
                spliced.write(insert);
                spliced.write(utf8, at, utf8.length - at);
                return spliced.toByteArray();
            }
        }
        return utf8;
    }
}
