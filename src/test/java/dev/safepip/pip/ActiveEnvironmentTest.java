package dev.safepip.pip;

import dev.safepip.python.Shebang;
import dev.safepip.python.Interpreter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real folders: venvs made by the real `python3 -m venv`, a moved one, and a conda-shaped folder. */
class ActiveEnvironmentTest {
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    private World world(Map<String, String> env) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        return new World(env, tmp, new World.Tty(false, false, false), null, null, sink, sink,
                new ByteArrayInputStream(new byte[0]));
    }

    private static Map<String, String> env(String var, Path dir, String path) {
        Map<String, String> env = new HashMap<>();
        env.put(var, dir.toString());
        env.put("PATH", path);
        return env;
    }

    private static void venv(Path dir, boolean withPip) throws IOException, InterruptedException {
        List<String> argv = withPip ? List.of(SYSTEM_PYTHON.toString(), "-m", "venv", dir.toString())
                : List.of(SYSTEM_PYTHON.toString(), "-m", "venv", "--without-pip", dir.toString());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
    }

    private static ActiveEnvironment detect(World world, PipExecutable pip, Path pipPython) {
        return ActiveEnvironment.detect(world, new SearchPath(world.getenv("PATH")), pip, pipPython);
    }

    @Test
    void nothingActiveIsNull() {
        World world = world(new HashMap<>(Map.of("PATH", "/usr/bin:/bin")));
        assertNull(detect(world, PipExecutable.module(SYSTEM_PYTHON, "test"), SYSTEM_PYTHON));
    }

    @Test
    void aVenvMadeWithoutPipNamesTheCauseAndTheFix() throws Exception {
        Path venv = tmp.resolve("nopip");
        venv(venv, false);
        assertFalse(Files.exists(venv.resolve("bin/pip")));
        World world = world(env("VIRTUAL_ENV", venv, venv.resolve("bin") + ":/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.script(Path.of("/usr/bin/pip"),
                "first pip on PATH that is not safepip"), SYSTEM_PYTHON);
        assertFalse(active.usesOwn());
        assertNull(active.ownPip());
        assertEquals(ActiveEnvironment.Cause.VENV_WITHOUT_PIP, active.cause().cause(), active.causes().toString());
        assertTrue(active.cause().fixes().contains("python3 -m venv --upgrade-deps " + venv), active.toString());
    }

    @Test
    void aVenvWhoseBasePythonLacksEnsurepipIsDebiansHalfMadeVenv() throws IOException {
        // The shape Debian leaves when python3-venv is missing: pyvenv.cfg and the interpreter, nothing else, and
        // a base Python whose standard library has no ensurepip.
        Path base = Files.createDirectories(tmp.resolve("base/bin"));
        Files.createDirectories(tmp.resolve("base/lib/python3.11/json"));
        Path venv = Files.createDirectories(tmp.resolve("half/bin"));
        Files.writeString(venv.getParent().resolve("pyvenv.cfg"), "home = " + base + "\ninclude-system-site-packages"
                + " = false\nversion = 3.11.2\n");
        World world = world(env("VIRTUAL_ENV", venv.getParent(), venv + ":/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.script(Path.of("/usr/bin/pip"), "first pip on PATH"),
                SYSTEM_PYTHON);
        assertEquals(ActiveEnvironment.Cause.VENV_NO_ENSUREPIP, active.cause().cause());
        assertEquals(List.of("sudo apt install python3.11-venv", "python3 -m venv --upgrade-deps "
                + venv.getParent()), active.cause().fixes());
    }

    @Test
    void aCondaEnvironmentWithoutPip() throws IOException {
        Path conda = tmp.resolve("conda-env");
        Files.createDirectories(conda.resolve("conda-meta"));
        Files.createDirectories(conda.resolve("bin"));
        Files.writeString(conda.resolve("conda-meta/python-3.11.5-h1.json"), "{}");
        World world = world(env("CONDA_PREFIX", conda, conda.resolve("bin") + ":/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.script(Path.of("/usr/bin/pip"), "first pip on PATH"),
                SYSTEM_PYTHON);
        assertEquals(Interpreter.Kind.CONDA, active.kind());
        assertEquals(ActiveEnvironment.Cause.CONDA_WITHOUT_PIP, active.cause().cause());
        assertTrue(active.cause().fixes().get(0).startsWith("conda install pip"), active.toString());
    }

    @Test
    void aMovedVenvsPipStartsTheOldInterpreter() throws Exception {
        Path old = tmp.resolve("made-here");
        venv(old, true);
        Path moved = tmp.resolve("moved-there");
        Files.move(old, moved);
        Path pip = moved.resolve("bin/pip");
        assertTrue(Files.isExecutable(pip));
        World world = world(env("VIRTUAL_ENV", moved, moved.resolve("bin") + ":/usr/bin:/bin"));
        // What safepip sees: the first pip on PATH is the moved one, and its first line names the old place.
        Path starts = Shebang.interpreterOf(pip, new SearchPath(world.getenv("PATH")));
        assertEquals(old.resolve("bin"), starts.getParent());
        ActiveEnvironment active = detect(world, PipExecutable.script(pip, "first pip on PATH that is not safepip"),
                starts);
        assertFalse(active.usesOwn());
        assertEquals(ActiveEnvironment.Cause.MOVED, active.cause().cause(), active.toString());
        assertTrue(active.cause().text().contains(starts.toString()), active.toString());
    }

    @Test
    void aPyenvShimBeforeTheVenvOnPath() throws Exception {
        Path venv = tmp.resolve("v");
        venv(venv, false);
        Path ownPip = venv.resolve("bin/pip");
        Files.writeString(ownPip, "#!" + venv.resolve("bin/python") + "\nimport sys\n");
        Files.setPosixFilePermissions(ownPip, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shims = Files.createDirectories(tmp.resolve("pyenv/shims"));
        Path shim = shims.resolve("pip");
        Files.writeString(shim, "#!/usr/bin/env bash\nexec pyenv exec pip \"$@\"\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        World world = world(env("VIRTUAL_ENV", venv, shims + ":" + venv.resolve("bin") + ":/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.script(shim, "first pip on PATH that is not safepip"),
                null);
        assertEquals(ownPip, active.ownPip());
        assertEquals(ActiveEnvironment.Cause.PATH_ORDER, active.cause().cause(), active.toString());
        assertTrue(active.cause().text().contains("pyenv shim"), active.toString());
        assertTrue(active.cause().fixes().contains("hash -r"), active.toString());
    }

    @Test
    void aVenvNotOnPathAndAnotherPython3() throws Exception {
        Path venv = tmp.resolve("v2");
        venv(venv, true);
        World world = world(env("VIRTUAL_ENV", venv, "/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.module(SYSTEM_PYTHON, "no pip on PATH: python3 -m pip"),
                SYSTEM_PYTHON);
        assertEquals(ActiveEnvironment.Cause.NOT_ON_PATH, active.cause().cause(), active.toString());
        assertTrue(active.causes().stream().anyMatch(f -> f.cause() == ActiveEnvironment.Cause.OTHER_PYTHON3),
                active.toString());
    }

    @Test
    void theVenvsOwnPipIsFine() throws Exception {
        Path venv = tmp.resolve("good");
        venv(venv, true);
        World world = world(env("VIRTUAL_ENV", venv, venv.resolve("bin") + ":/usr/bin:/bin"));
        ActiveEnvironment active = detect(world, PipExecutable.script(venv.resolve("bin/pip"),
                "first pip on PATH that is not safepip"), venv.resolve("bin/python"));
        assertTrue(active.usesOwn(), active.toString());
        assertNull(active.cause());
    }
}
