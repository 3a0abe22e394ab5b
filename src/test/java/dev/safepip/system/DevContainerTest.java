package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.Ownership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev container is seen from each variable alone and from real-shaped files (the official templates' shape:
 * comments, trailing commas), and its Python feature's version is read as the tools read it.
 */
class DevContainerTest {
    /** The shape of the devcontainers/templates "debian" template with the Python feature added. */
    static final String TEMPLATE = """
            // For format details, see https://aka.ms/devcontainer.json. For config options, see the
            // README at: https://github.com/devcontainers/templates/tree/main/src/debian
            {
            	"name": "Debian",
            	// Or use a Dockerfile or Docker Compose file. More info: https://containers.dev/guide/dockerfile
            	"image": "mcr.microsoft.com/devcontainers/base:bookworm",

            	// Features to add to the dev container. More info: https://containers.dev/features.
            	"features": {
            		"ghcr.io/devcontainers/features/common-utils:2": {},
            		"%s": {
            			%s
            			"installTools": true, // pylint, flake8, black...
            		},
            	},

            	// Configure tool-specific properties.
            	"customizations": {
            		"vscode": {
            			"extensions": [
            				"ms-python.python",
            				"ms-python.vscode-pylance",
            			],
            		},
            	},

            	// Uncomment to connect as root instead. More info: https://aka.ms/dev-containers-non-root.
            	// "remoteUser": "root"
            }
            """;

    @TempDir
    Path tmp;
    Path project;
    Ownership judge = Ownership.ofThisProcess();

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        // @TempDir is made 0700 by this user: every folder above passes the owner check.
    }

    private DevContainer detect(Map<String, String> env, Path cwd) {
        return DevContainer.detect(env, cwd, judge, -1);
    }

    private Path write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void eachVariableAloneSaysSo() {
        assertEquals("REMOTE_CONTAINERS=true", detect(Map.of("REMOTE_CONTAINERS", "true"), project).signal());
        assertEquals("CODESPACES=true", detect(Map.of("CODESPACES", "true"), project).signal());
        assertEquals("REMOTE_CONTAINERS_IPC is set", detect(Map.of("REMOTE_CONTAINERS_IPC",
                "/tmp/vscode-remote-containers-ipc-16ae67d3.sock"), project).signal());
        DevContainer alone = detect(Map.of("CODESPACES", "true"), project);
        assertNull(alone.file());
        assertNull(alone.feature());
        assertFalse(alone.osProvided());
    }

    @Test
    void nothingIsNoDevContainer() {
        assertNull(detect(Map.of(), project));
        // The documented values only: a variable set to something else, or empty, is not the tool's.
        assertNull(detect(Map.of("REMOTE_CONTAINERS", "false", "CODESPACES", "", "REMOTE_CONTAINERS_IPC", ""),
                project));
        // DEVCONTAINER is no tool's: only a user's own remoteEnv sets it.
        assertNull(detect(Map.of("DEVCONTAINER", "true"), project));
    }

    @Test
    void theTemplatesFileWithOsProvidedIsTheCause() throws IOException {
        Path file = write(".devcontainer/devcontainer.json", TEMPLATE.formatted(
                "ghcr.io/devcontainers/features/python:1", "\"version\": \"os-provided\","));
        DevContainer found = detect(Map.of(), project);
        assertNull(found.signal());
        assertEquals(file, found.file());
        assertNull(found.problem());
        assertEquals("ghcr.io/devcontainers/features/python:1", found.feature().id());
        assertEquals("os-provided", found.feature().version());
        assertEquals(Boolean.TRUE, found.feature().options().get("installTools"));
        assertTrue(found.osProvided());
        assertTrue(found.hasFeatures());
    }

    @Test
    void theFileIsFoundFromASubfolderAndAtTheRootAsDotDevcontainerJson() throws IOException {
        Path file = write(".devcontainer.json", TEMPLATE.formatted("ghcr.io/devcontainers/features/python", ""));
        Path deep = Files.createDirectories(project.resolve("src/pkg"));
        DevContainer found = detect(Map.of("REMOTE_CONTAINERS", "true"), deep);
        assertEquals(file, found.file());
        assertEquals("REMOTE_CONTAINERS=true", found.signal());
        // No version at all: the feature's default is os-provided.
        assertNull(found.feature().version());
        assertTrue(found.osProvided());
    }

    @Test
    void theSearchStopsAtTheGitWorkTree() throws IOException {
        Files.writeString(tmp.resolve(".devcontainer.json"), "{}");
        assertNull(detect(Map.of(), project));
    }

    @Test
    void onlyOsProvidedIsTheCause() throws IOException {
        for (String version : new String[] {"latest", "none", "3.12", "3.11.4"}) {
            write(".devcontainer/devcontainer.json", TEMPLATE.formatted("ghcr.io/devcontainers/features/python:1",
                    "\"version\": \"" + version + "\","));
            DevContainer found = detect(Map.of(), project);
            assertEquals(version, found.feature().version());
            assertFalse(found.osProvided(), version);
        }
        // The short form, "id": "version".
        write(".devcontainer/devcontainer.json", "{\"features\": {\"ghcr.io/devcontainers/features/python:1\": "
                + "\"os-provided\"}}");
        assertTrue(detect(Map.of(), project).osProvided());
    }

    @Test
    void thePythonFeatureUnderAnyTagAndNothingElse() {
        for (String id : new String[] {"ghcr.io/devcontainers/features/python", "ghcr.io/devcontainers/features/python:1",
            "ghcr.io/devcontainers/features/python:1.x", "ghcr.io/devcontainers/features/python:1.6.2",
            "ghcr.io/devcontainers/features/python@sha256:0123abcd"}) {
            assertTrue(DevContainer.isPythonFeature(id), id);
        }
        for (String id : new String[] {"ghcr.io/devcontainers/features/python-foo:1",
            "ghcr.io/devcontainers/features/python:", "ghcr.io/devcontainers/features/python:1\u001b[31m",
            "ghcr.io/devcontainers-contrib/features/python:1", "python", "ghcr.io/devcontainers/features/pythonx"}) {
            assertFalse(DevContainer.isPythonFeature(id), id);
        }
    }

    @Test
    void aFileWithoutThePythonFeatureIsStillADevContainer() throws IOException {
        write(".devcontainer/devcontainer.json", TEMPLATE.formatted("ghcr.io/devcontainers/features/node:1", ""));
        DevContainer found = detect(Map.of(), project);
        assertNull(found.feature());
        assertTrue(found.hasFeatures());
        assertFalse(found.osProvided());
        write(".devcontainer/devcontainer.json", "{ \"image\": \"mcr.microsoft.com/devcontainers/base:bookworm\" }");
        assertFalse(detect(Map.of(), project).hasFeatures());
    }

    @Test
    void aBrokenFileIsOneProblemLine() throws IOException {
        write(".devcontainer/devcontainer.json", "{\n  \"name\": \"x\"\n  \"image\": \"y\"\n}");
        DevContainer found = detect(Map.of("CODESPACES", "true"), project);
        assertEquals("is not JSON with comments: line 3: ',' or '}' expected, not '\"'", found.problem());
        assertNull(found.feature());
        assertEquals("CODESPACES=true", found.signal());

        write(".devcontainer/devcontainer.json", "[1, 2]");
        assertEquals("is not a JSON object", detect(Map.of(), project).problem());
    }

    @Test
    void aHugeFileIsNotRead() throws IOException {
        write(".devcontainer/devcontainer.json", "{\"a\": \"" + "x".repeat(DevContainer.MAX_BYTES) + "\"}");
        String problem = detect(Map.of(), project).problem();
        assertNotNull(problem);
        assertTrue(problem.startsWith("could not be read: ") && problem.contains("larger than"), problem);
    }

    @Test
    void aFileOthersMayWriteIsNotRead() throws IOException {
        Path file = write(".devcontainer/devcontainer.json", TEMPLATE.formatted(
                "ghcr.io/devcontainers/features/python:1", "\"version\": \"os-provided\","));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        DevContainer found = detect(Map.of(), project);
        assertNotNull(found.problem());
        assertTrue(found.problem().startsWith("not read: ") && found.problem().contains("everybody may write"),
                found.problem());
        assertNull(found.feature());
    }

    @Test
    void aFolderInsteadOfTheFileIsOneProblemLine() throws IOException {
        Files.createDirectories(project.resolve(".devcontainer/devcontainer.json"));
        DevContainer found = detect(Map.of(), project);
        assertNotNull(found.problem());
        assertNull(found.feature());
    }
}
