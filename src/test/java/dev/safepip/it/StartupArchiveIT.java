package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install.sh makes a startup archive for the newest JDK; with it, without it, and with a stale one
 * (garbage, or made for another jar), safepip says exactly the same.
 */
class StartupArchiveIT {
    @TempDir
    Path tmp;

    @Test
    void theArchiveChangesNothingButSpeedWhetherFreshStaleOrMissing() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp);
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = sandbox.env();
        env.put("PREFIX", prefix.toString());
        Proc.Result install = install(env);
        Path launcher = prefix.resolve("bin/safepip");

        Map<String, String> info = info(launcher, env);
        assertEquals(newestJdk(), info.get("jdk"), "the newest JDK of 17 or later: " + info);
        Path archive = Path.of(info.get("archive"));
        assertTrue(Files.isRegularFile(archive), install.describe());
        assertTrue(archive.startsWith(sandbox.testEnv().xdgCache().resolve("safepip")), archive.toString());
        assertTrue(info.get("share").contains(archive.toString()), info.toString());

        List<Proc.Result> fresh = runs(launcher, env);
        // The JVM made the archive read-only: replaced, as only root could overwrite it in place.
        Files.delete(archive);
        Files.write(archive, new byte[4096]);
        List<Proc.Result> garbage = runs(launcher, env);
        assertSame(fresh, garbage);
        Files.setLastModifiedTime(prefix.resolve("lib/safepip/safepip.jar"),
                FileTime.from(Instant.now().minusSeconds(86_400)));
        assertSame(fresh, runs(launcher, env));
        Files.delete(archive);
        // A new HOME (or another user of the install) maps the copy install.sh left beside the jar.
        Path beside = Path.of(info.get("beside"));
        assertEquals(prefix.resolve("lib/safepip"), beside.normalize().getParent(), info.toString());
        assertTrue(Files.isRegularFile(beside), info.toString());
        assertTrue(info(launcher, env).get("share").contains(beside.toString()), info(launcher, env).toString());
        assertSame(fresh, runs(launcher, env));
        Files.delete(beside);
        assertEquals("-Xshare:auto", info(launcher, env).get("share"));
        assertSame(fresh, runs(launcher, env));
    }

    @Test
    void withoutUnzipTheVersionIsTheBuildsAndOlderArchivesAreRemoved() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp);
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = sandbox.env();
        env.put("PREFIX", prefix.toString());
        env.put("PATH", sandbox.managed().bin() + ":"
                + Prerequisites.pathWithout(tmp.resolve("no-unzip"), java.util.Set.of("unzip")));
        Path cache = Files.createDirectories(sandbox.testEnv().xdgCache().resolve("safepip/jvm"));
        // What every earlier install left: a timestamp for a version, one archive per install.
        Path stale = Files.writeString(cache.resolve("safepip-1764590000-jdk17.0.2.jsa"), "old");
        Path staleBeside = Files.writeString(Files.createDirectories(prefix.resolve("lib/safepip"))
                .resolve("safepip-1764590000-jdk17.0.2.jsa"), "old");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            install(env);
            versions.add(Files.readString(prefix.resolve("lib/safepip/version")).strip());
        }
        assertTrue(versions.get(0).matches(java.util.regex.Pattern.quote(dev.safepip.core.Version.get()) + "-[0-9]+"),
                "Maven's version and the jar's checksum: " + versions);
        assertEquals(versions.get(0), versions.get(1), "the same jar, the same version");
        assertFalse(Files.exists(stale), "an archive of an older safepip is removed");
        try (Stream<Path> archives = Files.list(cache)) {
            List<String> names = archives.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("safepip-" + versions.get(0) + "-jdk"), names.toString());
        }
        assertFalse(Files.exists(staleBeside), "the older copy beside the jar is removed");
        try (Stream<Path> beside = Files.list(prefix.resolve("lib/safepip"))) {
            List<String> names = beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("safepip-"))
                    .toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("safepip-" + versions.get(0) + "-jdk"), names.toString());
        }
    }

    /**
     * Every JDK of 17 or later installed here, chosen with SAFEPIP_JAVA: install.sh makes its archive, the launcher
     * starts it with the archive (on JDK 17 to 24 mapped at its own address, ArchiveRelocationMode=0) and safepip
     * says byte for byte what it says on every other JDK, a blocked install's explanation included.
     */
    @Test
    void everyJdkHereStartsWithItsArchiveAndSaysTheSame() throws IOException {
        List<Proc.Result> first = null;
        List<String> tried = new ArrayList<>();
        Sandbox sandbox = Sandbox.in(tmp);
        Path launcher = tmp.resolve("prefix/bin/safepip");
        for (Map.Entry<Path, Integer> jdk : jdks().entrySet()) {
            Map<String, String> env = sandbox.env();
            env.put("PREFIX", tmp.resolve("prefix").toString());
            env.put("SAFEPIP_JAVA", jdk.getKey().toString());
            install(env);
            Map<String, String> info = info(launcher, env);
            assertTrue(Files.isRegularFile(Path.of(info.get("archive"))), info.toString());
            assertEquals(jdk.getValue() < 25 ? "1" : "", info.get("fixed"), info.toString());
            List<Proc.Result> results = runs(launcher, env);
            Proc.Result blocked = results.get(1);
            assertEquals(1, blocked.exit(), blocked.describe());
            assertTrue(blocked.stderr().contains("externally managed"), blocked.describe());
            if (first == null) {
                first = results;
            } else {
                assertSame(first, results);
            }
            tried.add(jdk.getKey() + " (" + jdk.getValue() + ")");
        }
        assertFalse(tried.isEmpty(), "no JDK of 17 or later under /usr/lib/jvm");
        System.out.println("StartupArchiveIT: the same answers on " + tried);
    }

    /** The JDKs of 17 or later under /usr/lib/jvm, each once (Debian adds aliases), with their major versions. */
    private static Map<Path, Integer> jdks() throws IOException {
        Map<Path, Integer> found = new java.util.TreeMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : dirs.toList()) {
                String version = releaseVersion(home);
                if (version != null && major(version) >= 17) {
                    found.putIfAbsent(home.toRealPath(), major(version));
                }
            }
        }
        return found;
    }

    /** A JDK's JAVA_VERSION from its release file, or null when it is not a JDK with a java to run. */
    private static String releaseVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return null;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        return null;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("[.+-]")[0]);
    }

    /** scripts/install.sh --no-build into env's PREFIX; it must succeed. */
    private Proc.Result install(Map<String, String> env) {
        Proc.Result install = Proc.run(List.of("/bin/sh", Launcher.root().resolve("scripts/install.sh").toString(),
                "--no-build"), env, tmp, Duration.ofSeconds(300));
        assertEquals(0, install.exit(), install.describe());
        return install;
    }

    private static Map<String, String> info(Path launcher, Map<String, String> env) {
        Map<String, String> withInfo = new java.util.HashMap<>(env);
        withInfo.put("SAFEPIP_LAUNCHER_INFO", "1");
        Proc.Result result = Proc.run(List.of(launcher.toString()), withInfo, Path.of("/"), Duration.ofSeconds(30));
        Map<String, String> info = new java.util.HashMap<>();
        for (String line : result.stdout().lines().toList()) {
            int eq = line.indexOf('=');
            info.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return info;
    }

    private List<Proc.Result> runs(Path launcher, Map<String, String> env) {
        List<Proc.Result> results = new ArrayList<>();
        for (List<String> args : List.of(List.of("--version"), List.of("--via=fail", "install", "somepkg"),
                List.of("--help"), List.of("list", "--format=freeze"))) {
            List<String> argv = new ArrayList<>(List.of(launcher.toString()));
            argv.addAll(args);
            results.add(Proc.run(argv, env, tmp, Duration.ofSeconds(60)));
        }
        return results;
    }

    private static void assertSame(List<Proc.Result> expected, List<Proc.Result> actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).exit(), actual.get(i).exit(), actual.get(i).describe());
            assertArrayEquals(expected.get(i).stdoutBytes(), actual.get(i).stdoutBytes(), actual.get(i).describe());
            assertEquals(expected.get(i).stderr(), actual.get(i).stderr());
        }
    }

    /** The newest JDK (17 or later) under /usr/lib/jvm or JAVA_HOME, read from their release files. */
    private static String newestJdk() throws IOException {
        List<Path> homes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            dirs.forEach(homes::add);
        }
        homes.add(Path.of(System.getProperty("java.home")));
        String best = null;
        for (Path home : homes) {
            String version = releaseVersion(home);
            if (version != null && major(version) >= 17 && (best == null || major(version) > major(best))) {
                best = version;
            }
        }
        return best;
    }
}
