package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several safepip runs that redo blocked installs into the same new venv at once take turns on its lock: one
 * creates it, the others wait and install into it, and the ledger keeps every record whole.
 */
class ConcurrencyIT {
    private static final int RUNS = 8;
    /** Each run may wait for all the others: venv creation (seconds) plus seven pip installs. */
    private static final Duration EACH = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void concurrentInstallsShareOneVenvAndEveryRecord() throws Exception {
        Sandbox sandbox = Sandbox.in(tmp);
        Path work = Files.createDirectories(tmp.resolve("work"));
        List<String> names = IntStream.rangeClosed(1, RUNS).mapToObj(i -> "pkg" + i).toList();
        WheelBuilder[] wheels = names.stream().map(name -> WheelBuilder.of(name, "1.0")).toArray(WheelBuilder[]::new);
        Path defaultVenv = sandbox.defaultVenv();
        Path stateDir = sandbox.stateDir();

        List<Proc.Result> results = new ArrayList<>();
        try (LocalIndex index = Sandbox.serve(tmp.resolve("wheels"), wheels)) {
            Map<String, String> env = sandbox.env(index);
            ExecutorService pool = Executors.newFixedThreadPool(RUNS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Proc.Result>> futures = new ArrayList<>();
                for (String name : names) {
                    List<String> argv = List.of(Launcher.script().toString(), "--via=venv", "install", name);
                    futures.add(pool.submit(() -> {
                        go.await();
                        return Proc.run(argv, env, work, EACH);
                    }));
                }
                go.countDown();
                for (Future<Proc.Result> future : futures) {
                    try {
                        results.add(future.get());
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        String all = results.stream().map(Proc.Result::describe).collect(Collectors.joining("\n"));
        for (Proc.Result result : results) {
            assertEquals(0, result.exit(), result.describe());
        }
        // They really ran at once: all but the first found the lock taken.
        long waited = results.stream().filter(r -> r.stderr().contains("waiting for another safepip")).count();
        assertTrue(waited >= 1, "no run waited for another; they did not overlap:\n" + all);
        long created = results.stream().filter(r -> r.stderr().contains("creating a virtual environment")).count();
        assertEquals(1, created, "exactly one run may create the venv:\n" + all);

        // Exactly one venv anywhere in the test's folders: the default one.
        List<Path> venvs;
        try (Stream<Path> walk = Files.walk(tmp)) {
            venvs = walk.filter(p -> p.getFileName().toString().equals("pyvenv.cfg")).map(Path::getParent).toList();
        }
        assertEquals(List.of(defaultVenv), venvs);

        String imports = "import " + String.join(", ", names) + "; print(" + names.stream()
                .map(n -> n + ".VALUE").collect(Collectors.joining(", ")) + ")";
        Proc.Result imported = Proc.run(List.of(defaultVenv.resolve("bin/python").toString(), "-c", imports),
                sandbox.testEnv().map(), work, Duration.ofSeconds(30));
        assertEquals(0, imported.exit(), imported.describe());
        assertEquals(names.stream().map(n -> n + " 1.0").collect(Collectors.joining(" ")) + "\n",
                imported.stdout(), imported.describe());

        // Eight whole records, each valid JSON on its own line.
        List<String> lines = Files.readAllLines(sandbox.ledger());
        assertEquals(RUNS, lines.size(), String.join("\n", lines));
        Set<String> packages = new TreeSet<>();
        for (String line : lines) {
            JsonObject record;
            try {
                record = Json.parse(line).asObject();
            } catch (RuntimeException e) {
                throw new AssertionError("torn ledger line: " + line, e);
            }
            assertEquals("install", record.getString("action", null), line);
            assertEquals("venv", record.getString("route", null), line);
            assertEquals(0, record.getInt("exit", -1), line);
            assertEquals(defaultVenv.toString(), record.getString("location", null), line);
            // Each with the venv's own pip: none found the venv without pip (half-made) and fell back.
            assertEquals(defaultVenv.resolve("bin/pip").toString(),
                    record.get("command").asArray().get(0).asString(), line);
            List<String> named = record.get("packages").asArray().values().stream().map(JsonValue::asString)
                    .toList();
            assertEquals(1, named.size(), line);
            packages.addAll(named);
        }
        assertEquals(new TreeSet<>(names), packages);

        try (Stream<Path> notes = Files.list(stateDir.resolve("creating"))) {
            assertEquals(List.of(), notes.toList(), "a finished venv must leave no half-made note");
        }
        try (Stream<Path> locks = Files.list(stateDir.resolve("locks"))) {
            assertEquals(1, locks.count(), "all runs must have used the one lock of the one venv");
        }
    }

    /**
     * A project's .venv that is a link to the default venv is the default venv: runs through either path take the
     * one lock of that place (before, half of them raced the creation and failed with 69).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aDotVenvLinkedToTheDefaultVenvSharesItsLock() throws Exception {
        Sandbox sandbox = Sandbox.in(tmp);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path defaultVenv = Files.createDirectories(sandbox.defaultVenv());
        Files.createSymbolicLink(project.resolve(".venv"), defaultVenv);
        List<String> names = IntStream.rangeClosed(1, RUNS).mapToObj(i -> "pkg" + i).toList();
        WheelBuilder[] wheels = names.stream().map(name -> WheelBuilder.of(name, "1.0")).toArray(WheelBuilder[]::new);

        List<Proc.Result> results = new ArrayList<>();
        try (LocalIndex index = Sandbox.serve(tmp.resolve("wheels"), wheels)) {
            Map<String, String> env = sandbox.env(index);
            ExecutorService pool = Executors.newFixedThreadPool(RUNS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Proc.Result>> futures = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    List<String> argv = List.of(Launcher.script().toString(), "--via=venv", "install", names.get(i));
                    Path cwd = i % 2 == 0 ? project : work;
                    futures.add(pool.submit(() -> {
                        go.await();
                        return Proc.run(argv, env, cwd, EACH);
                    }));
                }
                go.countDown();
                for (Future<Proc.Result> future : futures) {
                    results.add(future.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Proc.Result result : results) {
            assertEquals(0, result.exit(), result.describe());
        }
        try (Stream<Path> locks = Files.list(sandbox.stateDir().resolve("locks"))) {
            assertEquals(1, locks.filter(p -> p.toString().endsWith(".lock")).count(),
                    "both paths must take the one lock of the one venv");
        }
    }
}
