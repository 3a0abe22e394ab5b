package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout-only inspection: fake prefixes in a temp folder, no real interpreter. */
class InterpreterInspectorTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path cache;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.toRealPath();
        cache = root.resolve("cache");
    }

    private InterpreterInspector inspector(Map<String, String> env) {
        return new InterpreterInspector(env, new InterpreterProbe(env, cache, root));
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path stdlib(Path prefix, String libdir) throws IOException {
        Path dir = Files.createDirectories(prefix.resolve(libdir).resolve("python3.11"));
        Files.writeString(dir.resolve("os.py"), "# os\n");
        return dir;
    }

    @Test
    void aSystemPrefixIsReadFromItsLayout() throws IOException {
        Path prefix = root.resolve("usr");
        Path python = executable(prefix.resolve("bin/python3.11"));
        Path stdlib = stdlib(prefix, "lib");
        Interpreter i = inspector(Map.of()).inspect(python);
        assertAll(
                () -> assertEquals(Interpreter.Kind.SYSTEM, i.kind()),
                () -> assertEquals(Interpreter.Source.LAYOUT, i.source()),
                () -> assertEquals(prefix, i.prefix()),
                () -> assertEquals(stdlib, i.stdlib()),
                () -> assertEquals(stdlib.resolve("EXTERNALLY-MANAGED"), i.marker()),
                () -> assertEquals("3.11", i.version()),
                () -> assertEquals(python, i.path()),
                () -> assertEquals(python, i.realPath()));
    }

    @Test
    void aSymlinkGetsItsVersionAndPrefixFromTheRealFile() throws IOException {
        Path prefix = root.resolve("usr");
        Path real = executable(prefix.resolve("bin/python3.11"));
        Path stdlib = stdlib(prefix, "lib");
        Path link = Files.createDirectories(root.resolve("elsewhere/bin")).resolve("python3");
        Files.createSymbolicLink(link, real);
        Interpreter i = inspector(Map.of()).inspect(link);
        assertEquals(Interpreter.Kind.SYSTEM, i.kind());
        assertEquals(link, i.path());
        assertEquals(real, i.realPath());
        assertEquals(stdlib, i.stdlib());
        assertEquals("3.11", i.version());
    }

    @Test
    void lib64AsASymlinkToLibIsOneStdlib() throws IOException {
        Path prefix = root.resolve("usr");
        Path python = executable(prefix.resolve("bin/python3.11"));
        Path stdlib = stdlib(prefix, "lib");
        Files.createSymbolicLink(prefix.resolve("lib64"), prefix.resolve("lib"));
        Interpreter i = inspector(Map.of()).inspect(python);
        assertEquals(Interpreter.Kind.SYSTEM, i.kind());
        assertEquals(stdlib, i.stdlib());
    }

    @Test
    void onlyALib64Stdlib() throws IOException {
        Path prefix = root.resolve("usr");
        Path python = executable(prefix.resolve("bin/python3.11"));
        Path stdlib = stdlib(prefix, "lib64");
        assertEquals(stdlib, inspector(Map.of()).inspect(python).stdlib());
    }

    @Test
    void pyvenvCfgBesideThePythonMakesAVenv() throws IOException {
        Path venv = root.resolve("venv");
        Path python = executable(venv.resolve("bin/python3.11"));
        stdlib(venv, "lib");
        Files.writeString(venv.resolve("bin/pyvenv.cfg"), "home = /usr/bin\n");
        Interpreter i = inspector(Map.of()).inspect(python);
        assertEquals(Interpreter.Kind.VENV, i.kind());
        assertEquals(venv.resolve("bin"), i.prefix());
        assertNull(i.stdlib());
        assertNull(i.marker());
        assertEquals(Interpreter.Source.LAYOUT, i.source());
    }

    @Test
    void pyvenvCfgOneLevelUpMakesAVenv() throws IOException {
        Path venv = root.resolve("venv");
        Path python = executable(venv.resolve("bin/python3"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
        Interpreter i = inspector(Map.of()).inspect(python);
        assertEquals(Interpreter.Kind.VENV, i.kind());
        assertEquals(venv, i.prefix());
        assertNull(i.version(), "python3 says no minor version");
    }

    @Test
    void aVenvIsJudgedByThePathItIsRunByNotTheRealFile() throws IOException {
        Path prefix = root.resolve("usr");
        Path real = executable(prefix.resolve("bin/python3.11"));
        stdlib(prefix, "lib");
        Path venv = root.resolve("venv");
        Files.createDirectories(venv.resolve("bin"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = " + prefix.resolve("bin") + "\n");
        Path link = venv.resolve("bin/python3");
        Files.createSymbolicLink(link, real);
        Interpreter i = inspector(Map.of()).inspect(link);
        assertEquals(Interpreter.Kind.VENV, i.kind());
        assertEquals(venv, i.prefix());
        assertEquals("3.11", i.version());
    }

    @Test
    void condaMetaMakesACondaEnvironment() throws IOException {
        Path env = root.resolve("miniconda3/envs/tools");
        Path python = executable(env.resolve("bin/python3.11"));
        stdlib(env, "lib");
        Files.createDirectories(env.resolve("conda-meta"));
        Interpreter i = inspector(Map.of()).inspect(python);
        assertEquals(Interpreter.Kind.CONDA, i.kind());
        assertEquals(env, i.prefix());
        assertNull(i.stdlib());
    }

    @Test
    void twoDistinctStdlibsLeaveItToTheProbeWhichCannotRunAFakeBinary() throws IOException {
        Path prefix = root.resolve("usr");
        Path python = executable(prefix.resolve("bin/python3.11"));
        stdlib(prefix, "lib");
        stdlib(prefix, "lib64");
        assertNull(inspector(Map.of()).inspect(python));
        assertNoCacheWritten();
    }

    @Test
    void pythonHomeLeavesItToTheProbe() throws IOException {
        Path prefix = root.resolve("usr");
        Path python = executable(prefix.resolve("bin/python3.11"));
        stdlib(prefix, "lib");
        assertNull(inspector(Map.of("PYTHONHOME", "/elsewhere")).inspect(python));
        assertNoCacheWritten();
    }

    @Test
    void aMissingInterpreterIsNull() {
        assertNull(inspector(Map.of()).inspect(root.resolve("usr/bin/python3.11")));
        assertNull(inspector(Map.of()).inspect(root), "a folder is not an interpreter");
    }

    private void assertNoCacheWritten() throws IOException {
        if (Files.isDirectory(cache)) {
            try (Stream<Path> files = Files.list(cache)) {
                assertTrue(files.findAny().isEmpty(), "no answer to cache");
            }
        }
    }
}
