package dev.safepip.it;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.TestEnv;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test's private world: its own home, XDG and pipx folders and an externally managed Python first on PATH, all
 * under the test's folder, so what safepip finds and leaves behind belongs to that test alone.
 */
record Sandbox(TestEnv testEnv, ManagedPython managed) {

    static Sandbox in(Path dir) {
        return in(dir, ManagedPython.create(dir.resolve("managed")));
    }

    /** Around a Python the class shares: making one per test is slow, and tests that only install never alter it. */
    static Sandbox in(Path dir, ManagedPython managed) {
        return new Sandbox(TestEnv.in(dir.resolve("env")), managed);
    }

    /** A new map each call, so a test may add to it. */
    Map<String, String> env() {
        return testEnv.withPathFirst(managed.bin());
    }

    /** Through the environment, as pip.conf would: safepip's own command lines stay as on a user's machine. */
    Map<String, String> env(LocalIndex index) {
        Map<String, String> env = env();
        env.put("PIP_INDEX_URL", index.url());
        return env;
    }

    Path defaultVenv() {
        return testEnv.xdgData().resolve("safepip/venv");
    }

    Path stateDir() {
        return testEnv.xdgState().resolve("safepip");
    }

    Path ledger() {
        return stateDir().resolve("ledger.jsonl");
    }

    List<JsonObject> ledgerRecords() throws IOException {
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(ledger())) {
            records.add(Json.parse(line).asObject());
        }
        return records;
    }

    /** The caller closes the index (@AutoClose): its server outlives this call. */
    static LocalIndex serve(Path wheelsDir, WheelBuilder... wheels) {
        for (WheelBuilder wheel : wheels) {
            wheel.build(wheelsDir);
        }
        return LocalIndex.serve(wheelsDir);
    }
}
