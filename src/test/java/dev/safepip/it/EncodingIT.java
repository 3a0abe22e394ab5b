package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes in, bytes out: arguments, paths and the user's locale reach pip exactly as given, whatever LANG and LC_ALL
 * say, and safepip's own commands work in the C locale with a non-ASCII HOME. Every command is started with exact
 * bytes (argv and environment) through a small Python execve, so the test JVM's own locale plays no part.
 */
class EncodingIT {
    private static final HexFormat HEX = HexFormat.of();
    /** Runs argv[0] with the argv and environment given in hex: no Java String stands between them and the child. */
    private static final String EXEC = "import os, sys\n"
            + "a = sys.argv[1:]\n"
            + "n = int(a[0])\n"
            + "argv = [bytes.fromhex(x) for x in a[1:1 + n]]\n"
            + "env = dict(bytes.fromhex(x).split(b'=', 1) for x in a[1 + n:])\n"
            + "os.chdir(env.pop(b'@cwd'))\n"
            + "os.execve(argv[0], argv, env)\n";
    private static final String COPY = "import os, shutil, sys\n"
            + "d = bytes.fromhex(sys.argv[2])\n"
            + "os.makedirs(os.path.dirname(d), exist_ok=True)\n"
            + "shutil.copy(sys.argv[1], d)\n";
    private static final byte[] LATIN1_E = {(byte) 0xe9};

    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;
    static Path wheel;

    @TempDir
    Path tmp;
    Sandbox sandbox;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
        wheel = WheelBuilder.of("pkgZ", "1.0").build(shared.resolve("local"));
    }

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.in(tmp, managed);
    }

    @Test
    void aWheelAtANonAsciiPathInstallsThroughTheVenvRouteInEveryLocale() {
        byte[] path = copyWheel(cat(utf8(tmp + "/d"), utf8("é"), utf8("/" + wheel.getFileName())));
        List<Map<String, String>> locales = List.of(Map.of(), Map.of("LANG", "C"), Map.of("LC_ALL", "C"),
                Map.of("LANG", "C.UTF-8"), Map.of("LANG", "POSIX"), Map.of("LC_ALL", "fr_FR.ISO-8859-1"));
        int i = 0;
        for (Map<String, String> locale : locales) {
            Path venv = tmp.resolve("venv" + i++);
            Map<String, byte[]> env = env(locale);
            Proc.Result install = run(env, tmp, utf8("--via=venv"), utf8("--venv"), utf8(venv.toString()),
                    utf8("install"), path);
            assertEquals(0, install.exit(), locale + ": " + install.describe());
            Proc.Result imported = Proc.run(List.of(venv.resolve("bin/python").toString(), "-c", "import pkgz"),
                    sandbox.testEnv().map(), tmp, Duration.ofSeconds(30));
            assertEquals(0, imported.exit(), locale + ": " + imported.describe());
        }
    }

    @Test
    void bytesThatAreNotUtf8ReachTheVenvsPipAsTheyReachPipItself() {
        byte[] path = copyWheel(cat(utf8(tmp + "/d"), LATIN1_E, utf8("/" + wheel.getFileName())));
        Map<String, byte[]> env = env(Map.of());
        Path venv = tmp.resolve("venv");
        Proc.Result viaSafepip = run(env, tmp, utf8("--via=venv"), utf8("--venv"), utf8(venv.toString()),
                utf8("install"), path);
        // pip itself, in a venv of its own, given the same bytes: whatever it makes of them (pip 23 cannot turn a
        // Latin-1 path into a URL under UTF-8), safepip's run must come to the same.
        Path own = tmp.resolve("own");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", own.toString()),
                sandbox.testEnv().map(), tmp, Duration.ofSeconds(120));
        assertEquals(0, made.exit(), made.describe());
        Proc.Result direct = exec(env, tmp, List.of(utf8(own.resolve("bin/pip").toString()), utf8("install"), path));
        assertEquals(direct.exit(), viaSafepip.exit(), viaSafepip.describe() + "\n---\n" + direct.describe());
        String last = lastLine(direct.stderr().isBlank() ? direct.stdout() : direct.stderr());
        assertTrue((viaSafepip.stdout() + viaSafepip.stderr()).contains(last.replace(own.toString(), venv.toString())),
                "pip's own answer was: " + last + "\n" + viaSafepip.describe());
    }

    @Test
    void theJvmHandsPipTheExactArgvBytesAndTheUsersLocale() throws IOException {
        Path log = tmp.resolve("pip.log");
        Path pipDir = recordingPip(log);
        byte[] latin1 = cat(utf8("/d"), LATIN1_E, utf8("/x.whl"));
        byte[] utf8 = utf8("/dé/x.whl");
        List<Map<String, String>> locales = List.of(Map.of(), Map.of("LANG", "C"), Map.of("LC_ALL", "C"),
                Map.of("LANG", "C.UTF-8"), Map.of("LC_ALL", "fr_FR.ISO-8859-1", "LC_CTYPE", "de_DE.ISO-8859-1"),
                Map.of("LC_ALL", ""));
        for (Map<String, String> locale : locales) {
            Files.deleteIfExists(log);
            Map<String, byte[]> env = env(locale);
            env.put("PATH", utf8(pipDir + ":" + new String(env.get("PATH"), StandardCharsets.UTF_8)));
            // The launcher would run pip itself (no JVM) for a Python that is not externally managed.
            env.put("SAFEPIP_FASTPATH", utf8("0"));
            Proc.Result install = run(env, tmp, utf8("install"), latin1, utf8);
            assertEquals(0, install.exit(), locale + ": " + install.describe());
            List<String> lines = Files.readAllLines(log);
            assertEquals(HEX.formatHex(utf8("install")) + " " + HEX.formatHex(latin1) + " " + HEX.formatHex(utf8), lines.get(0),
                    locale + ": " + install.describe());
            for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE")) {
                String value = locale.get(name);
                String expected = name + "=" + (value == null ? "None" : HEX.formatHex(utf8(value)));
                assertTrue(lines.contains(expected), locale + ": " + expected + " in " + lines);
            }
        }
    }

    @Test
    void ownCommandsWorkInTheCLocaleWithANonAsciiHome() {
        byte[] home = utf8(tmp + "/hömé");
        Map<String, byte[]> env = env(Map.of());
        env.put("HOME", home);
        env.put("XDG_CONFIG_HOME", cat(home, utf8("/config")));
        env.put("XDG_DATA_HOME", cat(home, utf8("/data")));
        env.put("XDG_STATE_HOME", cat(home, utf8("/state")));
        env.put("XDG_CACHE_HOME", cat(home, utf8("/cache")));
        Path cwd = tmp;
        Proc.Result where = run(env, cwd, utf8("where"));
        assertEquals(0, where.exit(), where.describe());
        Proc.Result doctor = run(env, cwd, utf8("doctor"));
        assertEquals(0, doctor.exit(), doctor.describe());
        assertTrue(doctor.stdout().contains("hömé"), doctor.describe());
        Proc.Result plan = run(env, cwd, utf8("--plan"), utf8("install"), utf8("pkgA"));
        assertEquals(0, plan.exit(), plan.describe());
        assertTrue(plan.stderr().contains(tmp + "/hömé/data/safepip/venv/bin/pip' install pkgA"), plan.describe());
        Proc.Result blocked = run(env, cwd, utf8("--via=fail"), utf8("install"), utf8("pkgA"));
        assertEquals(1, blocked.exit(), blocked.describe());
        assertTrue(blocked.stderr().contains(tmp + "/hömé/data/safepip/venv"), blocked.describe());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The sandbox's environment as bytes, with LANG taken out and the locale given put in. */
    private Map<String, byte[]> env(Map<String, String> locale) {
        Map<String, byte[]> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : sandbox.env(index).entrySet()) {
            env.put(variable.getKey(), utf8(variable.getValue()));
        }
        env.remove("LANG");
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        for (Map.Entry<String, String> variable : locale.entrySet()) {
            env.put(variable.getKey(), utf8(variable.getValue()));
        }
        return env;
    }

    private Proc.Result run(Map<String, byte[]> env, Path cwd, byte[]... args) {
        List<byte[]> argv = new ArrayList<>();
        argv.add(utf8(Launcher.script().toString()));
        argv.addAll(List.of(args));
        return exec(env, cwd, argv);
    }

    private Proc.Result exec(Map<String, byte[]> env, Path cwd, List<byte[]> argv) {
        List<String> command = new ArrayList<>(List.of(managed.python().toString(), "-I", "-c", EXEC,
                Integer.toString(argv.size())));
        for (byte[] arg : argv) {
            command.add(HEX.formatHex(arg));
        }
        for (Map.Entry<String, byte[]> variable : env.entrySet()) {
            command.add(HEX.formatHex(cat(utf8(variable.getKey() + "="), variable.getValue())));
        }
        command.add(HEX.formatHex(utf8("@cwd=" + cwd)));
        return Proc.run(command, Map.of("PATH", "/usr/bin:/bin"), tmp, Duration.ofSeconds(180));
    }

    private byte[] copyWheel(byte[] to) {
        Proc.Result copied = Proc.run(List.of(managed.python().toString(), "-I", "-c", COPY, wheel.toString(),
                HEX.formatHex(to)), Map.of("PATH", "/usr/bin:/bin"), tmp, Duration.ofSeconds(30));
        assertEquals(0, copied.exit(), copied.describe());
        return to;
    }

    /** A pip that logs its argv and locale variables as hex bytes, under a venv's Python (not managed). */
    private Path recordingPip(Path log) throws IOException {
        Path venv = tmp.resolve("recorder");
        Proc.Result made = Proc.run(List.of(managed.python().toString(), "-m", "venv", "--without-pip",
                venv.toString()), sandbox.testEnv().map(), tmp, Duration.ofSeconds(60));
        assertEquals(0, made.exit(), made.describe());
        Path dir = Files.createDirectories(tmp.resolve("recording-bin"));
        Path pip = dir.resolve("pip");
        Files.writeString(pip, "#!" + venv.resolve("bin/python") + "\n"
                + "import os, sys\n"
                + "with open(" + pyString(log.toString()) + ", 'a') as log:\n"
                + "    log.write(' '.join(os.fsencode(a).hex() for a in sys.argv[1:]) + '\\n')\n"
                // As exec gave it: Python's own locale coercion (PEP 538) sets LC_CTYPE in os.environ.
                + "    given = dict(v.split(b'=', 1) for v in open('/proc/self/environ', 'rb').read().split(b'\\0') if v)\n"
                + "    for name in (b'LANG', b'LC_ALL', b'LC_CTYPE'):\n"
                + "        value = given.get(name)\n"
                + "        log.write(name.decode() + '=' + (value.hex() if value is not None else 'None') + '\\n')\n");
        pip.toFile().setExecutable(true);
        return dir;
    }

    private static String pyString(String s) {
        return "bytes.fromhex('" + HEX.formatHex(utf8(s)) + "')";
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
