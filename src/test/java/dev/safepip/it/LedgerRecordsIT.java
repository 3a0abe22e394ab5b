package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger records, it does not command: records written by hand (as a damaged file, another program or another
 * user could leave them) never make `safepip uninstall six` run the programs they name, remove packages they name,
 * or act on a place that is not what they say. Each skipped record is said, with why.
 *
 * <p>apt-get here is a stand-in, first on PATH: it records its argv and prints, for `-s`, apt's simulation as the
 * real apt printed it on Debian 12 (src/test/resources/apt). The real apt-get would remove python3-six from this
 * machine, which only CI's root phase may do (SystemRouteIT#aRealAptInstallAndRemovalInCi); its `-s` output is
 * parsed from the real tool in AptSimulationTest and SystemRouteIT.
 */
class LedgerRecordsIT {
    @TempDir
    static Path shared;
    static ManagedPython managed;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path bin;
    Path aptLog;
    Path marker;
    Path simulation;

    @BeforeAll
    static void python() {
        managed = ManagedPython.create(shared.resolve("managed"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        bin = Files.createDirectories(tmp.resolve("bin"));
        aptLog = tmp.resolve("apt-get.log");
        marker = tmp.resolve("MARKER");
        simulation = tmp.resolve("simulation.txt");
        Files.writeString(simulation, "Remv python3-six [1.16.0-4]\n");
        script(bin.resolve("apt-get"), "printf '%s\\n' \"$*\" >> '" + aptLog + "'\n"
                + "if [ \"$1\" = -s ]; then cat '" + simulation + "'; fi\nexit 0\n");
        // Not root: apt needs sudo, which runs its command as given (the stand-in apt-get) and records nothing else.
        // safepip hands sudo the program found in the system's folders (/usr/bin/apt-get): the stand-in sudo runs the
        // test's apt-get of that name from PATH instead, never the real one.
        script(bin.resolve("sudo"), "name=${1##*/}; shift; exec \"$name\" \"$@\"\n");
    }

    private static void script(Path path, String body) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        path.toFile().setExecutable(true, false);
    }

    /** A program of the "attacker's": it writes the marker if anybody runs it. */
    private Path trap(String name) throws IOException {
        Path trap = tmp.resolve("evil").resolve(name);
        script(trap, "echo \"$0 $*\" >> '" + marker + "'\nexit 0\n");
        return trap;
    }

    private JsonObject record(String route, String location, String... command) {
        JsonArray words = Json.array();
        for (String word : command) {
            words.add(word);
        }
        return Json.object().add("time", "2026-11-23T01:00:00Z").add("action", "install")
                .add("packages", Json.array("six")).add("requirements", Json.array("six")).add("route", route)
                .add("location", location).add("interpreter", managed.python().toString()).add("command", words)
                .add("exit", 0);
    }

    private Proc.Result uninstallSix(JsonObject record, String... wrapperOptions) throws IOException {
        Files.createDirectories(sandbox.stateDir());
        Files.writeString(sandbox.ledger(), record + "\n", StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(wrapperOptions));
        args.addAll(List.of("uninstall", "-y", "six"));
        Proc.Result result = Launcher.run(TestEnv.withPathFirst(sandbox.env(), bin), tmp, args);
        assertFalse(Files.exists(marker), "a program the record named was run: " + result.describe());
        assertFalse(result.stderr().contains("Exception"), result.describe());
        return result;
    }

    private String aptCalls() throws IOException {
        return Files.exists(aptLog) ? Files.readString(aptLog) : "";
    }

    /** A real venv the test made, not safepip, with a bin/pip of the attacker's and no six in it. */
    @Test
    void anotherVenvIsNotActedOn() throws IOException {
        Path venv = tmp.resolve("their-venv");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", "--without-pip",
                venv.toString()), sandbox.env(), tmp, Duration.ofSeconds(60));
        assertEquals(0, made.exit(), made.describe());
        script(venv.resolve("bin/pip"), "echo \"$0 $*\" >> '" + marker + "'\n");
        Proc.Result result = uninstallSix(record("venv", venv.toString(), venv + "/bin/pip", "install", "six"));
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("six is not installed in " + venv), result.describe());
        assertTrue(result.stderr().contains("record skipped"), result.describe());
    }

    @Test
    void aVenvWhosePyvenvCfgIsGoneIsNotActedOn() throws IOException {
        Path venv = tmp.resolve("not-a-venv");
        script(venv.resolve("bin/pip"), "echo \"$0 $*\" >> '" + marker + "'\n");
        Files.createDirectories(venv.resolve("lib/python" + managed.version() + "/site-packages/six-1.0.dist-info"));
        Proc.Result result = uninstallSix(record("venv", venv.toString(), venv + "/bin/pip", "install", "six"));
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("no virtual environment (no pyvenv.cfg)"), result.describe());
    }

    @Test
    void aPipxRecordsProgramIsNeverRun() throws IOException {
        Path pipx = trap("pipx");
        Proc.Result result = uninstallSix(record("pipx", tmp.resolve("evil").toString(), pipx.toString(),
                "install", "six"), "--yes");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("record skipped"), result.describe());
    }

    @Test
    void anAptRecordsProgramIsNeverRunOnlyAptGetFromPath() throws IOException {
        Path aptGet = trap("apt-get");
        Proc.Result result = uninstallSix(record("apt", "system", aptGet.toString(), "install", "-y",
                "python3-six"), "--yes");
        assertEquals(0, result.exit(), result.describe());
        // The stand-in apt-get found on PATH, asked first, then told to remove the one package without asking.
        assertEquals("-s remove -- python3-six\nremove -y python3-six\n", aptCalls(), result.describe());
    }

    @Test
    void anAptRecordsCommandWordsAreNotTheRemoval() throws IOException {
        Files.writeString(simulation, captured("remove-python3-six.txt"));
        Proc.Result result = uninstallSix(record("apt", "system", "apt-get", "install", "-y", "python3-six",
                "systemd"), "--yes");
        assertFalse(aptCalls().contains("systemd"), aptCalls());
        assertFalse(result.stderr().contains("systemd"), result.describe());
        // apt would take three more packages with python3-six: listed, and --yes is no answer to that.
        assertEquals(69, result.exit(), result.describe());
        assertTrue(result.stderr().contains("software-properties-common python3-software-properties "
                + "python3-lazr.restfulclient"), result.describe());
        assertTrue(result.stderr().contains("apt-get remove -y python3-six"), result.describe());
        assertEquals("-s remove -- python3-six\n", aptCalls(), "only the simulation ran");
    }

    @Test
    void extraRemovalsWithoutATerminalAreRefused() throws IOException {
        Files.writeString(simulation, captured("remove-python3-six.txt"));
        Proc.Result result = uninstallSix(record("apt", "system", "apt-get", "install", "-y", "python3-six"));
        assertEquals(69, result.exit(), result.describe());
        assertTrue(result.stderr().contains("apt would also remove 3 packages"), result.describe());
        assertEquals("-s remove -- python3-six\n", aptCalls());
    }

    @Test
    void anAptInstallThatWouldRemovePackagesIsRefusedWithoutATerminal() throws IOException {
        Files.writeString(simulation, captured("install-sysvinit-core.txt"));
        Map<String, String> env = TestEnv.withPathFirst(sandbox.env(), bin);
        Proc.Result result = Launcher.run(env, tmp, "--via=apt", "install", "six");
        assertEquals(69, result.exit(), result.describe());
        assertTrue(result.stderr().contains("systemd-sysv"), result.describe());
        assertTrue(aptCalls().startsWith("-s install -- python3-six\n") && !aptCalls().contains("\ninstall"),
                aptCalls());
    }

    /** Debian's table knows a package called black; that does not make it installed here. */
    @Test
    void aPackageNobodyInstalledIsNotSentToApt() {
        Proc.Result result = Launcher.run(TestEnv.withPathFirst(sandbox.env(), bin), tmp, "uninstall", "-y",
                "black");
        assertEquals(1, result.exit(), result.describe());
        assertTrue(result.stderr().contains("neither safepip nor Debian installed black here"), result.describe());
        assertFalse(result.stderr().contains("remove it with apt"), result.describe());
        assertFalse(result.stderr().contains("apt-get remove"), "no apt command in the ways out: " + result.describe());
        assertTrue(result.stderr().contains("not possible here: no installed Debian package holds black"),
                result.describe());
    }

    private static String captured(String name) throws IOException {
        try (InputStream in = LedgerRecordsIT.class.getResourceAsStream("/apt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
