package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a Python without ensurepip (Debian without python3-venv) `python -m venv` fails; safepip says why, makes the
 * venv without pip and installs into it with the system pip's --python.
 */
class EnsurepipFallbackIT {
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    static Path shared;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Path work;

    @BeforeAll
    static void serveWheels() {
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("pkgB", "2.0"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp);
        // Already absent on a machine without python3-venv: the test then runs as it would there.
        Files.deleteIfExists(sandbox.managed().stdlib().resolve("ensurepip"));
        work = Files.createDirectories(tmp.resolve("work"));

        // As on Debian without python3-venv: the venv module itself refuses.
        Proc.Result venv = Proc.run(List.of(sandbox.managed().python().toString(), "-m", "venv",
                tmp.resolve("probe").toString()), sandbox.testEnv().map(), tmp, QUICK);
        assertNotEquals(0, venv.exit(), venv.describe());
        assertTrue((venv.stdout() + venv.stderr()).contains("ensurepip is not"), venv.describe());
    }

    @Test
    void withoutEnsurepipTheSystemPipInstallsIntoAPiplessVenv() throws IOException {
        Proc.Result result = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.stderr().contains("no ensurepip"), result.describe());
        assertTrue(result.stderr().contains("python3-venv"), result.describe());
        assertTrue(result.stderr().contains("--python"), result.describe());
        assertFalse(result.stderr().contains("Exception"), result.describe());

        Path venv = sandbox.defaultVenv();
        assertTrue(Files.isRegularFile(venv.resolve("pyvenv.cfg")), "no venv at " + venv);
        assertFalse(Files.exists(venv.resolve("bin/pip")), "a venv made without ensurepip has no pip");
        assertImports("pkga", "pkgA 1.0");
        assertSystemPythonLacks("pkga");

        List<JsonObject> records = sandbox.ledgerRecords();
        assertEquals(1, records.size(), records.toString());
        List<String> command = strings(records.get(0).get("command"));
        assertEquals(sandbox.managed().pip().toString(), command.get(0), command.toString());
        int python = command.indexOf("--python");
        assertTrue(python > 0, command.toString());
        assertEquals(venv.resolve("bin/python").toString(), command.get(python + 1), command.toString());
        assertEquals(0, records.get(0).getInt("exit", -1));
        assertEquals("venv", records.get(0).getString("route", null));
        assertNoHalfMadeNote();
    }

    @Test
    void aPiplessVenvIsReusedWithTheSystemPip() throws IOException {
        Proc.Result first = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgA");
        assertEquals(0, first.exit(), first.describe());

        Proc.Result second = Launcher.run(sandbox.env(index), work, "--via=venv", "install", "pkgB");
        assertEquals(0, second.exit(), second.describe());
        assertFalse(second.stderr().contains("creating a virtual environment"), second.describe());
        assertFalse(second.stderr().contains("half-made"), second.describe());
        Path venv = sandbox.defaultVenv();
        assertTrue(second.stderr().contains("--python " + venv.resolve("bin/python")), second.describe());
        assertFalse(Files.exists(venv.resolve("bin/pip")));
        assertImports("pkga", "pkgA 1.0");
        assertImports("pkgb", "pkgB 2.0");
        assertEquals(2, sandbox.ledgerRecords().size());
        assertNoHalfMadeNote();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertImports(String module, String value) {
        Proc.Result r = Proc.run(List.of(sandbox.defaultVenv().resolve("bin/python").toString(), "-c",
                "import " + module + "; print(" + module + ".VALUE)"), sandbox.testEnv().map(), work, QUICK);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(value + "\n", r.stdout(), r.describe());
    }

    private void assertSystemPythonLacks(String module) {
        Proc.Result r = Proc.run(List.of(sandbox.managed().python().toString(), "-c", "import " + module),
                sandbox.testEnv().map(), work, QUICK);
        assertNotEquals(0, r.exit(), "the system Python got " + module + ": " + r.describe());
    }

    private void assertNoHalfMadeNote() throws IOException {
        Path notes = sandbox.stateDir().resolve("creating");
        if (Files.isDirectory(notes)) {
            try (Stream<Path> entries = Files.list(notes)) {
                assertEquals(List.of(), entries.toList(), "a finished venv must leave no half-made note");
            }
        }
    }

    private static List<String> strings(JsonValue array) {
        return array.asArray().values().stream().map(JsonValue::asString).toList();
    }
}
