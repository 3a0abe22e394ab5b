package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.SafepipException;
import dev.safepip.cli.Invocation;
import dev.safepip.cli.InvocationParser;
import dev.safepip.config.WrapperOptions;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import dev.safepip.pip.Exposure;
import dev.safepip.pip.Pep668Rules;
import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipOptionTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One corpus of pip command lines, three readers: the launcher's rule (scripts/safepip under /bin/sh), the same rule
 * reached through the `init` functions of bash, zsh and fish, and safepip's Java parser (InvocationParser,
 * PipArgvParser, Pep668Rules). All must agree on which lines need the JVM: safepip's own words, and the pip commands
 * PEP 668 may block. The pip here is an externally managed one (a marker in its stdlib), so that only the command
 * line decides; a stand-in interpreter and a stand-in JVM just say which of them the launcher ran.
 */
class FastPathAgreementIT {
    @TempDir
    static Path tmp;
    static TestEnv testEnv;
    static Path bin;

    static final List<List<String>> CORPUS = List.of(
            List.of(),
            List.of("--version"), List.of("-V"), List.of("list"), List.of("freeze"), List.of("show", "pip"),
            List.of("help"), List.of("help", "install"), List.of("download", "x"), List.of("wheel", "x"),
            List.of("no-such-command"), List.of(""), List.of("-"),
            List.of("install", "requests"), List.of("uninstall", "-y", "requests"), List.of("install"),
            List.of("uninstall"), List.of("install", "-r", "req.txt"), List.of("uninstall", "-r", "req.txt"),
            List.of("install", "-e", "."),
            // general options, with and without values, before the command
            List.of("-v", "install", "x"), List.of("-vvq", "install", "x"), List.of("--isolated", "install", "x"),
            List.of("--log", "/tmp/l", "install", "x"), List.of("--log=/tmp/l", "install", "x"),
            List.of("--log", "install", "list"), List.of("--log", "install", "install"),
            List.of("--proxy", "http://p:1", "install", "x"), List.of("--timeout", "5", "uninstall", "x"),
            List.of("--cache-dir", "install", "x"), List.of("--no-cache-dir", "install", "x"),
            List.of("--isolated=1", "install", "x"), List.of("--bogus", "install", "x"), List.of("--bogus", "list"),
            List.of("-x", "install", "x"), List.of("-vx", "install", "x"), List.of("--log"),
            // abbreviations, as optparse takes them
            List.of("--pro", "http://p:1", "install", "x"), List.of("--iso", "install", "x"),
            List.of("--lo", "x", "install", "y"), List.of("--log-f", "x", "install", "y"),
            List.of("--ver", "install", "x"), List.of("--vers", "install", "x"), List.of("--verb", "install", "x"),
            List.of("install", "--tar", "d", "x"), List.of("install", "--no-d", "x"), List.of("install", "--no", "x"),
            List.of("install", "--break", "x"), List.of("install", "--dry", "--rep", "-", "x"),
            List.of("--require-v", "install", "x"), List.of("--require-venv", "install", "x"),
            // --python: pip runs again under another interpreter
            List.of("--python", "/usr/bin/python3", "install", "x"), List.of("--python=/usr/bin/python3", "list"),
            List.of("--python", "/usr/bin/python3", "install", "--target", "d", "x"),
            List.of("install", "--python", "/usr/bin/python3", "x"),
            // what pip exempts from its check
            List.of("install", "--target", "d", "x"), List.of("install", "-t", "d", "x"), List.of("install", "-td", "x"),
            List.of("install", "--target=d", "x"), List.of("install", "--prefix", "/p", "x"),
            List.of("install", "--root", "/r", "x"), List.of("install", "--dry-run", "--report", "-", "x"),
            List.of("install", "--dry-run", "--report", "", "x"), List.of("install", "--dry-run", "--report=", "x"),
            List.of("install", "--dry-run", "x"), List.of("install", "--report", "r.json", "x"),
            List.of("install", "--break-system-packages", "x"), List.of("uninstall", "--break-system-packages", "x"),
            List.of("uninstall", "--target", "d", "x"), List.of("install", "--target"),
            // help and version
            List.of("install", "--help"), List.of("install", "-h"), List.of("uninstall", "-h"),
            List.of("install", "--bogus", "--help"), List.of("install", "-V", "x"), List.of("install", "--version"),
            List.of("-V", "install", "x"), List.of("-vh", "install", "x"), List.of("--he", "install", "x"),
            // --, and words after the command
            List.of("--", "install", "x"), List.of("--", "install", "--target", "d", "x"), List.of("--", "list"),
            List.of("--"), List.of("install", "--", "--target", "d"), List.of("install", "x", "--target", "d"),
            List.of("install", "-U", "--user", "x"), List.of("install", "-Ur", "req.txt"),
            List.of("install", "--no-deps=1", "x"), List.of("install", "-c", "c.txt", "-r", "r.txt"),
            List.of("install", "--config-settings", "a=b", "x"), List.of("install", "-C", "--target", "x"),
            List.of("list", "--target", "d"), List.of("install", "é"), List.of("install", "-é", "x"),
            List.of("install", "--no-*", "x"), List.of("install", "--tar:x", "x"),
            // safepip's own words: always the JVM
            List.of("--plan", "install", "x"), List.of("--plan", "list"), List.of("--yes", "install", "x"),
            List.of("--via=venv", "install", "x"), List.of("--via", "venv", "list"), List.of("--venv", "d", "list"),
            List.of("--inject=app", "install", "x"), List.of("--help"), List.of("-h"), List.of("-v", "--help"),
            List.of("doctor"), List.of("where"), List.of("init", "bash"), List.of("rescue"), List.of("-v", "doctor"),
            List.of("--log", "--plan", "install", "x"), List.of("--log", "doctor", "list"), List.of("--", "doctor"),
            List.of("--via"), List.of("install", "--plan", "x"), List.of("list", "--help"));

    @BeforeAll
    static void setUp() throws IOException {
        testEnv = TestEnv.in(tmp.resolve("env"));
        // An externally managed layout the launcher can read without resolving a link: T/bin/python3.11 (a stand-in
        // that reports it ran), T/lib/python3.11/{os.py,EXTERNALLY-MANAGED}, and pip and pip3 scripts bound to it.
        Path managed = tmp.resolve("managed");
        bin = Files.createDirectories(managed.resolve("bin"));
        Path stdlib = Files.createDirectories(managed.resolve("lib/python3.11"));
        Files.writeString(stdlib.resolve("os.py"), "");
        Files.writeString(stdlib.resolve("EXTERNALLY-MANAGED"), "[externally-managed]\nError=test\n");
        executable(bin.resolve("python3.11"), "#!/bin/sh\necho PIP\n");
        for (String pip : List.of("pip", "pip3")) {
            executable(bin.resolve(pip), "#!" + bin.resolve("python3.11") + "\nimport sys\n");
        }
        Path jdk = tmp.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        executable(jdk.resolve("bin/java"), "#!/bin/sh\necho JVM\n");
    }

    static void executable(Path path, String content) throws IOException {
        Files.writeString(path, content);
        assertTrue(path.toFile().setExecutable(true));
    }

    static Map<String, String> env() {
        Map<String, String> env = testEnv.withPathFirst(bin);
        env.put("SAFEPIP_JAVA", tmp.resolve("jdk").toString());
        return env;
    }

    /** Java's answer: safepip's own words, or a pip command line PEP 668 may block. */
    static String java(List<String> args) {
        PipOptionTable table = PipOptionTable.get();
        Invocation invocation;
        try {
            invocation = new InvocationParser(table.general()).parse(args.toArray(new String[0]));
        } catch (SafepipException e) {
            return "JVM";
        }
        WrapperOptions o = invocation.options();
        if (invocation.ownCommand() != null || o.help() || o.plan() || o.yes() || o.via() != null || o.venv() != null
                || o.inject() != null) {
            return "JVM";
        }
        Exposure exposure = Pep668Rules.classify(new PipArgvParser(table).parse(invocation.rest()));
        return exposure == Exposure.NONE ? "PIP" : "JVM";
    }

    @Test
    void theLaunchersRuleAgreesWithTheJavaParser() {
        assertTrue(CORPUS.size() >= 100, "a corpus of at least 100 lines: " + CORPUS.size());
        List<String> differences = new ArrayList<>();
        int jvm = 0;
        for (List<String> args : CORPUS) {
            List<String> argv = new ArrayList<>(List.of("/bin/sh", Launcher.script().toString()));
            argv.addAll(args);
            Proc.Result result = Proc.run(argv, env(), tmp, Duration.ofSeconds(30));
            String expected = java(args);
            jvm += expected.equals("JVM") ? 1 : 0;
            if (!result.stdout().strip().equals(expected)) {
                differences.add(args + ": launcher " + result.stdout().strip() + ", Java " + expected + "\n"
                        + result.describe());
            }
        }
        assertEquals(List.of(), differences, String.join("\n", differences));
        // The corpus is worth something only if both answers are common in it.
        assertTrue(jvm > 30 && CORPUS.size() - jvm > 30, "JVM for " + jvm + " of " + CORPUS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void theInitFunctionsAgreeWithTheJavaParser(String shell) throws IOException {
        Path shellPath = Path.of("/usr/bin/" + shell);
        assertTrue(Files.isExecutable(shellPath), shell + " is installed (.ci/run installs it)");
        Proc.Result init = Launcher.run(testEnv.map(), tmp, "init", shell);
        assertEquals(0, init.exit(), init.describe());
        Path file = tmp.resolve("init-" + shell);
        Files.writeString(file, init.stdout());
        StringBuilder script = new StringBuilder("source " + file + "\n");
        List<String> expected = new ArrayList<>();
        for (List<String> args : CORPUS) {
            for (String name : List.of("pip", "pip3")) {
                script.append(name);
                for (String arg : args) {
                    script.append(' ').append(shell.equals("fish") ? fishQuote(arg) : shQuote(arg));
                }
                script.append('\n');
                expected.add(args + " as " + name + ": " + java(args));
            }
        }
        Proc.Result result = Proc.run(List.of(shellPath.toString(), "-c", script.toString()), env(), tmp,
                Duration.ofSeconds(120));
        List<String> said = result.stdout().lines().toList();
        assertEquals(expected.size(), said.size(), result.describe());
        List<String> got = new ArrayList<>();
        for (int i = 0; i < said.size(); i++) {
            String line = expected.get(i);
            got.add(line.substring(0, line.lastIndexOf(": ") + 2) + said.get(i));
        }
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }

    static String shQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String fishQuote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
