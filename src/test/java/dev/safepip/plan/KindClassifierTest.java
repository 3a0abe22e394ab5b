package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.WheelBuilder;
import dev.safepip.wheel.FileBytes;
import dev.safepip.wheel.WheelContents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind, on wheels shaped like the real projects they stand for (measured on the real wheels: ruff 0.16.9,
 * py-spy 0.4.2, ninja 1.13.2, cmake 4.4.3, numpy 2.4.6, flask 3.1.3, black 26.5.1, tqdm, pygments, dill, jupyter),
 * each read back through the same zip reader the look uses.
 */
class KindClassifierTest {
    @TempDir
    Path tmp;

    private AppKind kindOf(WheelBuilder wheel, String project, List<String> classifiers, String debian)
            throws IOException {
        Path file = wheel.build(tmp);
        WheelContents contents = WheelContents.read(new FileBytes(file));
        return KindClassifier.classify(WheelShape.of(project, contents, classifiers, debian));
    }

    @Test
    void aProgramUnderDataScriptsOnlyIsAnApplication() throws IOException {
        // ruff: a 3 KB package that finds the 24 MB binary under ruff-<v>.data/scripts/, no entry_points.txt.
        AppKind ruff = kindOf(WheelBuilder.of("ruff", "0.16.9")
                .file("ruff/__init__.py", "").file("ruff/__main__.py", "import os\n")
                .payload("ruff-0.16.9.data/scripts/ruff", 2_000_000),
                "ruff", List.of("Environment :: Console", "Topic :: Software Development :: Libraries :: Python Modules"),
                null);
        assertEquals(AppKind.Kind.APPLICATION, ruff.kind(), ruff.toString());
        assertEquals(List.of("ruff"), ruff.scripts());
        assertTrue(ruff.why().contains("carries a program"), ruff.why());
    }

    @Test
    void aWheelWithNoPackageAtAllButABinaryIsAnApplication() throws IOException {
        // py-spy: only py_spy-<v>.data/scripts/py-spy and .dist-info.
        AppKind spy = kindOf(WheelBuilder.of("py-spy", "0.4.2").metapackage()
                .payload("py_spy-0.4.2.data/scripts/py-spy", 500_000), "py-spy",
                List.of("Topic :: Software Development :: Libraries"), null);
        assertEquals(AppKind.Kind.APPLICATION, spy.kind(), spy.toString());
    }

    @Test
    void consoleScriptsThatStartABundledBinaryAreAnApplication() throws IOException {
        // cmake: console_scripts cmake, ctest… run cmake/data/bin/*.
        AppKind cmake = kindOf(WheelBuilder.of("cmake", "4.4.3").module("cmake", "def cmake(): pass\n")
                .consoleScript("cmake", "cmake:cmake").consoleScript("ctest", "cmake:ctest")
                .payload("cmake/data/bin/cmake", 300_000), "cmake", List.of("Intended Audience :: Developers"), null);
        assertEquals(AppKind.Kind.APPLICATION, cmake.kind(), cmake.toString());
        assertEquals(List.of("cmake", "ctest"), cmake.scripts());
    }

    @Test
    void guiScriptsCountAsCommands() throws IOException {
        AppKind gui = kindOf(WheelBuilder.of("tkdraw", "1.0").module("tkdraw", "def main(): pass\n")
                .guiScript("tkdraw", "tkdraw:main"), "tkdraw",
                List.of("Environment :: Console", "Environment :: X11 Applications"), null);
        assertEquals(AppKind.Kind.APPLICATION, gui.kind(), gui.toString());
        assertEquals(List.of("tkdraw"), gui.scripts());
    }

    @Test
    void aLibraryDebianShipsAsPython3IsALibraryWithCommands() throws IOException {
        // numpy: f2py and numpy-config; Debian's python3-numpy.
        AppKind numpy = kindOf(WheelBuilder.of("numpy", "2.4.6").module("numpy", "x = 1\n")
                .consoleScript("f2py", "numpy.f2py.f2py2e:main").consoleScript("numpy-config", "numpy._configtool:main"),
                "numpy", List.of("Intended Audience :: Science/Research"), "python3-numpy");
        assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, numpy.kind(), numpy.toString());
        assertEquals(List.of("f2py", "numpy-config"), numpy.scripts());
        assertEquals("Debian packages it as a library, python3-numpy", numpy.why());
        // tqdm's command is named after it and it says Environment :: Console; Debian's word wins.
        AppKind tqdm = kindOf(WheelBuilder.of("tqdm", "4.70.1").module("tqdm", "x = 1\n")
                .consoleScript("tqdm", "tqdm.cli:main"), "tqdm", List.of("Environment :: Console"), "python3-tqdm");
        assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, tqdm.kind(), tqdm.toString());
    }

    @Test
    void anApplicationDebianShipsUnderItsOwnNameIsAnApplication() throws IOException {
        // black: Debian's package is black; its classifiers say both console and library.
        AppKind black = kindOf(WheelBuilder.of("black", "26.5.1").module("black", "def patched_main(): pass\n")
                .consoleScript("black", "black:patched_main").consoleScript("blackd", "blackd:patched_main [d]"),
                "black", List.of("Environment :: Console", "Topic :: Software Development :: Libraries :: Python Modules"),
                "black");
        assertEquals(AppKind.Kind.APPLICATION, black.kind(), black.toString());
        assertEquals("Debian packages it as an application, black", black.why());
    }

    @Test
    void aMetapackageIsALibraryWithNoCommandsOfItsOwn() throws IOException {
        AppKind jupyter = kindOf(WheelBuilder.of("jupyter", "1.1.1").metapackage().requires("notebook"), "jupyter",
                List.of(), null);
        assertEquals(AppKind.Kind.LIBRARY, jupyter.kind(), jupyter.toString());
        assertTrue(jupyter.why().contains("metapackage"), jupyter.why());
    }

    @Test
    void aLibraryWithoutCommandsIsALibrary() throws IOException {
        AppKind lib = kindOf(WheelBuilder.of("plain-lib", "1.0"), "plain-lib", List.of(), null);
        assertEquals(AppKind.Kind.LIBRARY, lib.kind(), lib.toString());
        assertEquals("its wheel has no commands", lib.why());
    }

    @Test
    void pythonScriptsUnderDataScriptsBesideARealLibraryAreALibrarysCommands() throws IOException {
        // dill: get_gprof, undill as small Python scripts beside a large package.
        AppKind dill = kindOf(WheelBuilder.of("dill", "0.4.1").file("dill/_dill.py", "#".repeat(200_000))
                .dataScript("undill", "#!python\nimport dill\n"), "dill", List.of(), null);
        assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, dill.kind(), dill.toString());
        assertEquals("nothing says it is only an application", dill.why());
    }

    @Test
    void theClassifiersDecideWhenNothingElseSpeaks() throws IOException {
        // flask outside Debian's table: its command is named after it, but it says it is a library.
        AppKind flask = kindOf(WheelBuilder.of("flask", "3.1.3").module("flask", "x = 1\n")
                .consoleScript("flask", "flask.cli:main"), "flask",
                List.of("Environment :: Web Environment",
                        "Topic :: Software Development :: Libraries :: Application Frameworks"), null);
        assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, flask.kind(), flask.toString());
        assertTrue(flask.why().contains("Topic :: Software Development :: Libraries"), flask.why());
        AppKind tool = kindOf(WheelBuilder.of("some_tool", "1.0").module("some_tool", "x = 1\n")
                .consoleScript("some-tool", "some_tool:main"), "some_tool", List.of("Environment :: Console"), null);
        assertEquals(AppKind.Kind.APPLICATION, tool.kind(), tool.toString());
        AppKind quiet = kindOf(WheelBuilder.of("quiet", "1.0").module("quiet", "x = 1\n")
                .consoleScript("quiet", "quiet:main"), "quiet", List.of(), null);
        assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, quiet.kind(), "no signal: " + quiet);
    }
}
