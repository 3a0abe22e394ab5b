package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blocked install is the one pip call that must start a JVM, and its answer must come within 0.3 of pip's own
 * refusal. In a cold JVM (JDK 17 most of all) a first regular expression, lambda, stream or CompletableFuture costs
 * milliseconds to start, interpreted: none of them may load on that path. Checked with the JVM's own class-loading
 * log, on the JDK that runs the tests, for requirements the table knows and does not know, extras and specifiers,
 * a localized marker, a run without --via, and an uninstall.
 */
class ColdPathIT {
    private static final String MARKER = """
            [externally-managed]
            Error=To install Python packages system-wide, try apt install
             python3-xyz, where xyz is the package you are trying to
             install. This Python is Debian's.
            Error-fr=Pour installer des paquets Python, essayez apt install python3-xyz (Debian).
            """;

    @TempDir
    Path tmp;

    @Test
    void aBlockedInstallOrUninstallLoadsNoRegexLambdaStreamOrFuture() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp, ManagedPython.create(tmp.resolve("managed"),
                MARKER.getBytes(StandardCharsets.UTF_8)));
        List<List<String>> runs = List.of(
                List.of("--via=fail", "install", "requests"),
                List.of("--via=fail", "install", "hello-safepip"),
                List.of("--via=fail", "install", "Requests[socks]>=2.0", "zope.interface (>=5)", "python_dateutil"),
                List.of("install", "requests"),
                List.of("--via=fail", "uninstall", "-y", "requests"));
        for (int i = 0; i < runs.size(); i++) {
            Map<String, String> env = sandbox.env();
            env.put("LANG", i == 2 ? "fr_FR.UTF-8" : "C.UTF-8");
            Path log = tmp.resolve("classes-" + i + ".log");
            List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable",
                    "-Xlog:class+load=info:file=" + log,
                    // As the launcher starts it (scripts/safepip), called as pip3 once.
                    "-Dsafepip.launcher=" + Launcher.script(), "-Dsafepip.argv0=" + (i == 1 ? "pip3" : "safepip"),
                    "-Dsafepip.tty=000", "-cp",
                    Launcher.root().resolve("target/safepip.jar").toString(), "dev.safepip.Main"));
            argv.addAll(runs.get(i));
            Proc.Result run = Proc.run(argv, env, tmp, Duration.ofSeconds(60));

            assertEquals(1, run.exit(), run.describe());
            // The whole report was made: the system route (Debian's table) and pip's own command.
            boolean uninstall = runs.get(i).contains("uninstall");
            // An uninstall of what nobody installed offers no apt removal: dpkg owns no such package here.
            assertTrue(run.stderr().contains(uninstall ? "not possible here: no installed Debian package holds requests"
                    : i == 1 ? "apt-get install -y python3-hello-safepip" : "apt-get install -y python3-requests"),
                    run.describe());
            assertTrue(run.stderr().contains(uninstall ? "/bin/pip uninstall" : "/bin/pip install"), run.describe());
            if (i == 2) {
                assertTrue(run.stderr().contains("Pour installer des paquets Python"), run.describe());
                assertTrue(run.stderr().contains("python3-zope.interface"), run.describe());
            }
            List<String> loaded = ColdClasses.loaded(log);
            assertTrue(loaded.contains("dev.safepip.system.SortedLines"), "Debian's table was read: " + loaded);
            for (String name : loaded) {
                assertTrue(!ColdClasses.heavy(name), "safepip " + String.join(" ", runs.get(i)) + " loaded " + name + "; before it: "
                        + loaded.subList(Math.max(0, loaded.indexOf(name) - 8), loaded.indexOf(name)));
            }
        }
    }

    /**
     * The launcher has the JVM compile late for what answers pip (a blocked install's report is mostly run once),
     * and as usual for safepip's own commands that read a whole ledger or build picocli's help: a stand-in JVM
     * records the flags it was given.
     */
    @Test
    void theJvmCompilesLateForPipsCommandsOnly() throws IOException {
        Sandbox sandbox = Sandbox.in(tmp);
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        Path flags = tmp.resolve("flags");
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + flags + "'\nexit 97\n");
        assertTrue(jdk.resolve("bin/java").toFile().setExecutable(true));
        Map<String, String> env = sandbox.env();
        env.put("SAFEPIP_JAVA", jdk.toString());
        for (String args : List.of("install requests", "--via=fail install requests", "--plan uninstall -y x",
                "where", "doctor", "--help", "where requests", "init bash")) {
            Proc.Result run = Launcher.run(env, tmp, List.of(args.split(" ")));
            assertEquals(97, run.exit(), run.describe());
            List<String> given = Files.readAllLines(flags);
            boolean own = args.startsWith("where") || args.startsWith("doctor") || args.startsWith("init")
                    || args.equals("--help");
            assertEquals(!own, given.contains("-XX:CompileThresholdScaling=100"), args + ": " + given);
            assertTrue(given.contains("-XX:TieredStopAtLevel=1"), args + ": " + given);
        }
    }
}
