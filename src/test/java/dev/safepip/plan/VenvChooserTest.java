package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safepip.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenvChooserTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path defaultVenv;
    private VenvChooser chooser;
    private final Setting<Path> unset = new Setting<>(null, "default");

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.toRealPath().resolve("home/u"));
        defaultVenv = home.resolve(".local/share/safepip/venv");
        chooser = new VenvChooser(home, defaultVenv);
        assumeNothingAboveLooksLikeAProject();
    }

    /** The walk up goes past the temp folder: make sure nothing above it looks like a project. */
    private void assumeNothingAboveLooksLikeAProject() throws IOException {
        for (Path dir = tmp.toRealPath().getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
            for (String name : List.of(".venv", "pyproject.toml", "setup.py", "setup.cfg", ".git")) {
                assumeTrue(Files.notExists(dir.resolve(name)), dir.resolve(name) + " exists");
            }
            try (var entries = Files.newDirectoryStream(dir, "requirements*.txt")) {
                assumeTrue(!entries.iterator().hasNext(), "a requirements file in " + dir);
            }
        }
    }

    @Test
    void aConfiguredVenvWins() throws IOException {
        Path work = Files.createDirectories(home.resolve("work/.venv")).getParent();
        Files.createFile(work.resolve("pyproject.toml"));
        VenvChoice choice = chooser.choose(new Setting<>(home.resolve("venvs/tools"), "--venv"), work);
        assertEquals(home.resolve("venvs/tools"), choice.dir());
        assertEquals("~/venvs/tools", choice.display());
        assertEquals("set by --venv", choice.rule());

        VenvChoice fromEnv = chooser.choose(new Setting<>(Path.of("/srv/venv"), "SAFEPIP_VENV"), work);
        assertEquals(Path.of("/srv/venv"), fromEnv.dir());
        assertEquals("/srv/venv", fromEnv.display());
        assertEquals("set by SAFEPIP_VENV", fromEnv.rule());
    }

    @Test
    void theNearestDotVenvInThisFolderOrAParent() throws IOException {
        Files.createDirectories(home.resolve("work/.venv"));
        Files.createDirectories(home.resolve("work/proj/.venv"));
        Path deep = Files.createDirectories(home.resolve("work/proj/src/pkg"));
        VenvChoice choice = chooser.choose(unset, deep);
        assertEquals(home.resolve("work/proj/.venv"), choice.dir());
        assertEquals("~/work/proj/.venv", choice.display());
        assertEquals("the nearest .venv", choice.rule());

        Path here = Files.createDirectories(home.resolve("work/other"));
        assertEquals(home.resolve("work/.venv"), chooser.choose(unset, here).dir());
        assertEquals(home.resolve("work/.venv"), chooser.choose(unset, home.resolve("work")).dir());
    }

    @Test
    void aDotVenvThatIsAFileDoesNotCount() throws IOException {
        Path work = Files.createDirectories(home.resolve("work"));
        Files.writeString(work.resolve(".venv"), "not a folder");
        assertEquals(defaultVenv, chooser.choose(unset, work).dir());
    }

    @Test
    void theProjectRootByPyprojectToml() throws IOException {
        Path proj = Files.createDirectories(home.resolve("proj"));
        Files.createFile(proj.resolve("pyproject.toml"));
        Path src = Files.createDirectories(proj.resolve("src/pkg"));
        VenvChoice choice = chooser.choose(unset, src);
        assertEquals(proj.resolve(".venv"), choice.dir());
        assertEquals("~/proj/.venv", choice.display());
        assertEquals("the project at ~/proj (pyproject.toml)", choice.rule());
    }

    @Test
    void theProjectRootByARequirementsFile() throws IOException {
        Path proj = Files.createDirectories(home.resolve("app"));
        Files.createFile(proj.resolve("requirements-dev.txt"));
        Path sub = Files.createDirectories(proj.resolve("tests"));
        VenvChoice choice = chooser.choose(unset, sub);
        assertEquals(proj.resolve(".venv"), choice.dir());
        assertEquals("the project at ~/app (requirements-dev.txt)", choice.rule());
    }

    @Test
    void theProjectRootByGitAndTheNearestMarkerWins() throws IOException {
        Path repo = Files.createDirectories(home.resolve("repo/.git")).getParent();
        Path inner = Files.createDirectories(repo.resolve("tools/inner"));
        Files.createFile(inner.resolve("setup.py"));
        assertEquals("the project at ~/repo (.git)", chooser.choose(unset, repo.resolve("tools")).rule());
        VenvChoice choice = chooser.choose(unset, inner);
        assertEquals(inner.resolve(".venv"), choice.dir());
        assertEquals("the project at ~/repo/tools/inner (setup.py)", choice.rule());
    }

    @Test
    void theDefaultVenvOtherwise() throws IOException {
        Path plain = Files.createDirectories(home.resolve("Downloads/stuff"));
        VenvChoice choice = chooser.choose(unset, plain);
        assertEquals(defaultVenv, choice.dir());
        assertEquals("~/.local/share/safepip/venv", choice.display());
        assertEquals("no project here", choice.rule());
    }

    @Test
    void shortenUsesATildeForTheHomeFolderOnly() {
        assertEquals("~/a/b", chooser.shorten(home.resolve("a/b")));
        assertEquals(home.toString(), chooser.shorten(home));
        assertEquals("/opt/venv", chooser.shorten(Path.of("/opt/venv")));
        Path sibling = home.resolveSibling(home.getFileName() + "2").resolve("x");
        assertEquals(sibling.toString(), chooser.shorten(sibling), "a folder beside home whose name starts alike");
    }
}
