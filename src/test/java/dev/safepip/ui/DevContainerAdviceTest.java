package dev.safepip.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.Jsonc;
import dev.safepip.system.DevContainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dev container block's words and lines: the cause when there is one, and lines that can be pasted as JSON. */
class DevContainerAdviceTest {
    private static final Path FILE = Path.of("/workspaces/proj/.devcontainer/devcontainer.json");
    private static final String ID = "ghcr.io/devcontainers/features/python:1";

    private static Map<String, Object> options(Object... pairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put((String) pairs[i], pairs[i + 1]);
        }
        return options;
    }

    @Test
    void theFilesOwnFeatureComesBackWithTheInterpretersVersionAndItsOtherOptions() {
        DevContainer container = new DevContainer("REMOTE_CONTAINERS=true", FILE, null, new DevContainer.PythonFeature(
                ID, options("installTools", true, "version", "os-provided", "installPath", "/usr/local/python")), true);
        DevContainerAdvice advice = DevContainerAdvice.of(container, "3.13");
        assertEquals("This is a dev container (REMOTE_CONTAINERS=true): its Python is the distribution's, because "
                + FILE + " asks the Python feature for \"version\": \"os-provided\".", advice.situation());
        assertNull(advice.problem());
        assertEquals("in " + FILE + ", give the Python feature a version of its own, then rebuild the container "
                + "(safepip never edits the file)", advice.forGood());
        assertEquals(List.of("\"" + ID + "\": { \"installTools\": true, \"version\": \"3.13\", "
                + "\"installPath\": \"/usr/local/python\" }"), advice.fileLines());
    }

    @Test
    void aFeatureWithoutAVersionGetsOneAndTheDefaultIsNamedAsTheCause() {
        DevContainer container = new DevContainer(null, FILE, null, new DevContainer.PythonFeature(
                "ghcr.io/devcontainers/features/python", options()), true);
        DevContainerAdvice advice = DevContainerAdvice.of(container, "3.11");
        assertEquals("This project has a dev container: its Python is the distribution's, because " + FILE
                + " gives the Python feature no version, and the feature's default is \"os-provided\".",
                advice.situation());
        assertEquals(List.of("\"ghcr.io/devcontainers/features/python\": { \"version\": \"3.11\" }"),
                advice.fileLines());
    }

    @Test
    void withoutAFileTheWholeFeaturesBlockIsGiven() {
        DevContainerAdvice advice = DevContainerAdvice.of(new DevContainer("CODESPACES=true", null, null, null, false),
                "3.11.2");
        assertEquals("This is a dev container (CODESPACES=true).", advice.situation());
        assertTrue(advice.forGood().startsWith("in the project's .devcontainer/devcontainer.json, use the Python "
                + "feature with a version of its own, then rebuild the container"), advice.forGood());
        assertEquals(List.of("\"features\": {", "  \"" + ID + "\": { \"version\": \"3.11\" }", "}"),
                advice.fileLines());
    }

    @Test
    void aFileWithFeaturesButNotPythonGetsTheOneLine() {
        DevContainerAdvice advice = DevContainerAdvice.of(new DevContainer(null, FILE, null, null, true), "3.12");
        assertEquals("This project has a dev container (" + FILE + ").", advice.situation());
        assertEquals(List.of("\"" + ID + "\": { \"version\": \"3.12\" }"), advice.fileLines());
    }

    @Test
    void aFileThatCouldNotBeUsedIsOneLineAndTheWholeBlockIsGiven() {
        DevContainerAdvice advice = DevContainerAdvice.of(new DevContainer("REMOTE_CONTAINERS=true", FILE,
                "is not JSON with comments: line 3: ',' or '}' expected, not '\"'", null, false), null);
        assertEquals(FILE + " is not JSON with comments: line 3: ',' or '}' expected, not '\"'.", advice.problem());
        // No version known: "latest", which the feature takes, and which is never the distribution's.
        assertEquals(List.of("\"features\": {", "  \"" + ID + "\": { \"version\": \"latest\" }", "}"),
                advice.fileLines());
    }

    @Test
    void whatTheFileSaysIsWrittenBackEscapedNeverRaw() {
        DevContainer container = new DevContainer(null, FILE, null, new DevContainer.PythonFeature(ID, options(
                "httpProxy", "\u001b]0;pwned\u0007\u202Eevil\"\\", "n", new Jsonc.Num("2"), "nested",
                options("list", List.of(Boolean.FALSE, "\u009b2J")), "nothing", null)), true);
        String line = DevContainerAdvice.of(container, "3.11").fileLines().get(0);
        assertEquals("\"" + ID + "\": { \"version\": \"3.11\", \"httpProxy\": "
                + "\"\\u001b]0;pwned\\u0007\\u202eevil\\\"\\\\\", \"n\": 2, \"nested\": { \"list\": [false, "
                + "\"\\u009b2J\"] }, \"nothing\": null }", line);
        for (char c : line.toCharArray()) {
            assertFalse(c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E, line);
        }
    }

    @Test
    void tooManyOptionsToCopyBackLeaveTheVersionAlone() {
        DevContainer container = new DevContainer(null, FILE, null, new DevContainer.PythonFeature(ID, options(
                "version", "os-provided", "configureJupyterlabAllowOrigin", "x".repeat(400))), true);
        assertEquals("\"" + ID + "\": { \"version\": \"3.11\" }   (and its other options as they are)",
                DevContainerAdvice.of(container, "3.11").fileLines().get(0));
    }

    @Test
    void majorMinorOfWhatTheInterpreterSays() {
        assertEquals("3.11", DevContainerAdvice.majorMinor("3.11"));
        assertEquals("3.13", DevContainerAdvice.majorMinor("3.13.1"));
        assertEquals("3", DevContainerAdvice.majorMinor("3"));
        assertEquals("latest", DevContainerAdvice.majorMinor(null));
    }
}
