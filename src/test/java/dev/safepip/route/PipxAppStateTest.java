package dev.safepip.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipx environment is whole only with pipx's metadata written to its end and the package's dist-info. */
class PipxAppStateTest {
    private static final String METADATA = """
            {
                "injected_packages": {},
                "main_package": {
                    "app_paths": [{"__Path__": "/x/bin/app \\"q\\" {", "__type__": "Path"}],
                    "package": "app",
                    "package_version": "1.0"
                },
                "pipx_metadata_version": "0.2",
                "python_version": "Python 3.11.2",
                "venv_args": []
            }""";

    @TempDir
    Path tmp;

    @Test
    void everyCutOfTheMetadataIsSeenAsCutShort() {
        assertTrue(PipxAppState.completeObject(METADATA));
        for (int end = 0; end < METADATA.strip().length() - 1; end++) {
            assertFalse(PipxAppState.completeObject(METADATA.substring(0, end)), "cut at " + end);
        }
    }

    @Test
    void theStatesOfAnEnvironment() throws IOException {
        Path venv = tmp.resolve("venvs/app");
        assertEquals(PipxAppState.Kind.ABSENT, PipxAppState.of(venv, "app").kind());
        Files.createDirectories(venv);
        assertEquals(PipxAppState.Kind.ABSENT, PipxAppState.of(venv, "app").kind(), "an empty folder is none");
        Path site = Files.createDirectories(venv.resolve("lib/python3.11/site-packages"));
        assertEquals(PipxAppState.Kind.HALF_MADE, PipxAppState.of(venv, "app").kind());
        Files.createDirectories(site.resolve("app-1.0.dist-info"));
        PipxAppState noMetadata = PipxAppState.of(venv, "app");
        assertEquals(PipxAppState.Kind.HALF_MADE, noMetadata.kind());
        assertTrue(noMetadata.why().contains("pipx_metadata.json"), noMetadata.why());
        Files.writeString(venv.resolve("pipx_metadata.json"), METADATA.substring(0, 120));
        assertEquals(PipxAppState.Kind.HALF_MADE, PipxAppState.of(venv, "app").kind());
        Files.writeString(venv.resolve("pipx_metadata.json"), METADATA);
        assertTrue(PipxAppState.of(venv, "app").whole());
        Files.delete(site.resolve("app-1.0.dist-info"));
        assertEquals(PipxAppState.Kind.HALF_MADE, PipxAppState.of(venv, "app").kind());
    }
}
