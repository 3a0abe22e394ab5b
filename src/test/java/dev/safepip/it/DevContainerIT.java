package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.Tmux;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real safepip in a project shaped like one a dev container template makes: a blocked install without a terminal,
 * the menu on a real terminal, and doctor all name the dev container, the cause (the Python feature's
 * "os-provided"), the way for now and the devcontainer.json lines for good; the file is never written. Each
 * variable the tools set is tried alone. The environment is built from nothing (TestEnv): no REMOTE_CONTAINERS,
 * REMOTE_CONTAINERS_IPC or CODESPACES of the machine running the tests reaches safepip unless a test sets it.
 */
class DevContainerIT {
    /** The devcontainers/templates "debian" template's shape, with the Python feature as people add it. */
    private static final String CONFIG = """
            // For format details, see https://aka.ms/devcontainer.json. For config options, see the
            // README at: https://github.com/devcontainers/templates/tree/main/src/debian
            {
            	"name": "Debian",
            	// Or use a Dockerfile or Docker Compose file. More info: https://containers.dev/guide/dockerfile
            	"image": "mcr.microsoft.com/devcontainers/base:bookworm",

            	// Features to add to the dev container. More info: https://containers.dev/features.
            	"features": {
            		"ghcr.io/devcontainers/features/python:1": {
            			"version": "os-provided", // the image's own Python: Debian's
            			"installTools": true,
            		},
            	},

            	/* Configure tool-specific properties. */
            	"customizations": {
            		"vscode": {
            			"extensions": [
            				"ms-python.python",
            				"ms-python.vscode-pylance",
            			],
            		},
            	},

            	// Use 'postCreateCommand' to run commands after the container is created.
            	// "postCreateCommand": "pip3 install --user -r requirements.txt",
            }
            """;
    private static final List<String> VARIABLES = List.of("REMOTE_CONTAINERS", "REMOTE_CONTAINERS_IPC", "CODESPACES");

    @TempDir
    static Path shared;
    static ManagedPython managed;
    static String version;

    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path project;
    Path config;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"));
        Proc.Result asked = Proc.run(List.of(managed.python().toString(), "-c",
                "import sys; print('%d.%d' % sys.version_info[:2])"), Map.of(), shared, Duration.ofSeconds(30));
        assertEquals(0, asked.exit(), asked.describe());
        version = asked.stdout().strip();
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        config = project.resolve(".devcontainer/devcontainer.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
    }

    private Map<String, String> env() {
        Map<String, String> env = sandbox.env(index);
        for (String variable : VARIABLES) {
            assertNull(env.get(variable), variable + " leaked into the test's environment");
        }
        return env;
    }

    private String featureLine() {
        return "\"ghcr.io/devcontainers/features/python:1\": { \"version\": \"" + version
                + "\", \"installTools\": true }";
    }

    @Test
    void withoutATerminalTheReportNamesTheCauseAndTheLinesForGood() throws IOException {
        byte[] before = Files.readAllBytes(config);
        Path work = Files.createDirectories(project.resolve("src"));
        Proc.Result run = Launcher.run(env(), work, "install", "pkgA");
        assertEquals(1, run.exit(), run.describe());
        String err = run.stderr();
        assertTrue(err.contains("This project has a dev container: its Python is the distribution's, because "
                + config + " asks the Python feature for \"version\": \"os-provided\"."), run.describe());
        assertTrue(err.contains("For now: the recommended way above, into a virtual environment ("
                + project.resolve(".venv") + ")."), run.describe());
        assertTrue(err.contains("For good: in " + config + ", give the Python feature a version of its own, then "
                + "rebuild the container (safepip never edits the file):\n    " + featureLine() + "\n"),
                run.describe());
        // A dev container's Python is chosen in its devcontainer.json, not in a Dockerfile.
        assertFalse(err.contains("Dockerfile"), run.describe());
        assertArrayEquals(before, Files.readAllBytes(config), "the file must never be written");
        assertFalse(Files.exists(project.resolve(".venv")), "explaining creates nothing");
    }

    @Test
    void eachVariableAloneIsADevContainer() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("no-project"));
        Map<String, String> values = Map.of("REMOTE_CONTAINERS", "true", "CODESPACES", "true",
                "REMOTE_CONTAINERS_IPC", "/tmp/vscode-remote-containers-ipc-16ae67d3.sock");
        Map<String, String> said = Map.of("REMOTE_CONTAINERS", "REMOTE_CONTAINERS=true", "CODESPACES",
                "CODESPACES=true", "REMOTE_CONTAINERS_IPC", "REMOTE_CONTAINERS_IPC is set");
        for (String variable : VARIABLES) {
            Map<String, String> env = env();
            env.put(variable, values.get(variable));
            Proc.Result run = Launcher.run(env, elsewhere, "install", "pkgA");
            assertEquals(1, run.exit(), run.describe());
            assertTrue(run.stderr().contains("This is a dev container (" + said.get(variable) + ").\n"),
                    run.describe());
            assertTrue(run.stderr().contains("For good: in the project's .devcontainer/devcontainer.json, use the "
                    + "Python feature with a version of its own, then rebuild the container"), run.describe());
            assertTrue(run.stderr().contains("    \"features\": {\n      \"ghcr.io/devcontainers/features/python:1\""
                    + ": { \"version\": \"" + version + "\" }\n    }\n"), run.describe());
        }
        Proc.Result none = Launcher.run(env(), elsewhere, "install", "pkgA");
        assertEquals(1, none.exit(), none.describe());
        assertFalse(none.stderr().contains("dev container"), none.describe());
    }

    @Test
    void doctorShowsTheSameBlock() throws IOException {
        Map<String, String> env = env();
        env.put("REMOTE_CONTAINERS", "true");
        Proc.Result doctor = Launcher.run(env, project, "doctor");
        assertEquals(0, doctor.exit(), doctor.describe());
        String out = doctor.stdout();
        assertTrue(out.contains("dev container: This is a dev container (REMOTE_CONTAINERS=true): its Python is the "
                + "distribution's, because " + config + " asks the Python feature for \"version\": "
                + "\"os-provided\"."), doctor.describe());
        assertTrue(out.contains("  for now:     a venv, " + project.resolve(".venv")), doctor.describe());
        assertTrue(out.contains("  for good:    in " + config + ", give the Python feature a version of its own, "
                + "then rebuild the container (safepip never edits the file):\n    " + featureLine() + "\n"),
                doctor.describe());
    }

    @Test
    void theMenuSaysItBeforeAsking() {
        Map<String, String> env = env();
        env.put("CODESPACES", "true");
        try (Tmux tmux = Tmux.start("devcontainer-menu", MenuIT.argv("install", "pkgA"), env, project, 220, 60)) {
            String menu = tmux.waitFor("Choice [1]:", Duration.ofSeconds(60));
            assertTrue(menu.contains("This is a dev container (CODESPACES=true): its Python is the distribution's"),
                    menu);
            assertTrue(menu.contains("For now: the recommended choice below."), menu);
            assertTrue(menu.contains(featureLine()), menu);
            assertTrue(menu.indexOf("For now:") < menu.indexOf("How should safepip install pkgA?"), menu);
            tmux.typeLine("q");
            String screen = tmux.waitFor("EXIT=", Duration.ofSeconds(30));
            assertTrue(screen.contains("EXIT=1"), screen);
        }
    }

    @Test
    void aHostileOrBrokenFileIsAtMostOneLine() throws IOException {
        Files.writeString(config, "{ \"features\": { \"ghcr.io/devcontainers/features/python:1\": { \"version\": "
                + "\"os-provided\", \"httpProxy\": \"\u001b]0;pwned\u0007\u001b[2J\u202Eevil\" } } }",
                StandardCharsets.UTF_8);
        Proc.Result hostile = Launcher.run(env(), project, "install", "pkgA");
        assertEquals(1, hostile.exit(), hostile.describe());
        assertTrue(hostile.stderr().contains("\"httpProxy\": \"\\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil\""),
                hostile.describe());
        assertFalse(hostile.stderr().contains("\u001b") || hostile.stderr().contains("\u202E"), hostile.describe());

        Files.writeString(config, "{\n  \"name\": \"Debian\"\n  \"image\": \"x\"", StandardCharsets.UTF_8);
        Proc.Result broken = Launcher.run(env(), project, "install", "pkgA");
        assertEquals(1, broken.exit(), broken.describe());
        assertTrue(broken.stderr().contains(config + " is not JSON with comments: line 3: ',' or '}' expected, "
                + "not '\"'.\n"), broken.describe());
        assertFalse(broken.stderr().contains("Exception") || broken.stderr().contains("\tat "), broken.describe());
        assertTrue(broken.stderr().contains("\"features\": {"), broken.describe());
    }

    /**
     * The blocked path stays cold with a dev container too (see ColdPathIT): reading devcontainer.json loads no
     * regex, lambda, stream, future or Formatter.
     */
    @Test
    void readingTheFileKeepsTheBlockedPathCold() throws IOException {
        Map<String, String> env = env();
        env.put("REMOTE_CONTAINERS", "true");
        Path log = tmp.resolve("classes.log");
        List<String> argv = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:class+load=info:file=" + log,
                "-Dsafepip.launcher=" + Launcher.script(), "-Dsafepip.argv0=safepip", "-Dsafepip.tty=000", "-cp",
                Launcher.root().resolve("target/safepip.jar").toString(), "dev.safepip.Main", "--via=fail",
                "install", "pkgA");
        Proc.Result run = Proc.run(argv, env, project, Duration.ofSeconds(60));
        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.stderr().contains(featureLine()), run.describe());
        List<String> loaded = ColdClasses.loaded(log);
        assertTrue(loaded.contains("dev.safepip.core.Jsonc"), "the file was read");
        for (String name : loaded) {
            assertFalse(ColdClasses.heavy(name), "loaded: " + name);
        }
    }
}
