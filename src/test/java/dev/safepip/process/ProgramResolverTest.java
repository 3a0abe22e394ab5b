package dev.safepip.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare program name runs the first executable on the child's PATH among absolute entries only: a program planted
 * in the working folder never runs through an empty, "." or relative PATH entry, whichever runner starts it.
 */
class ProgramResolverTest {
    @TempDir
    Path dir;

    /** A folder holding an executable `name` that writes a marker file when it runs, and exits 0. */
    private Path plant(Path folder, String name, Path marker) throws IOException {
        Files.createDirectories(folder);
        Path program = folder.resolve(name);
        Files.writeString(program, "#!/bin/sh\necho planted > '" + marker + "'\nexit 0\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    @Test
    void aBareNameIsTheFirstHitAmongAbsoluteEntries() throws IOException {
        Path marker = dir.resolve("marker");
        Path bin = dir.resolve("bin");
        Path real = plant(bin, "tool", marker);
        plant(dir.resolve("other"), "tool", marker);
        List<String> argv = ProgramResolver.resolve(List.of("tool", "a", "b"),
                Map.of("PATH", ":.:rel:" + bin + ":" + dir.resolve("other")));
        assertEquals(List.of(real.toString(), "a", "b"), argv);
    }

    @Test
    void aNameNotFoundIsSaidAsSuchAndNotLookedUpInTheWorkingFolder() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> ProgramResolver.resolve(List.of("safepip-no-such-tool"), Map.of("PATH", ":.:/nonexistent")));
        assertEquals("cannot run safepip-no-such-tool: not found on PATH", e.getMessage());
    }

    @Test
    void aPathIsKeptAsGiven() throws IOException {
        assertEquals(List.of("/usr/bin/env", "x"), ProgramResolver.resolve(List.of("/usr/bin/env", "x"), Map.of()));
    }

    @Test
    void withoutPathTheSystemDefaultIsSearchedNotTheWorkingFolder() throws IOException {
        assertTrue(ProgramResolver.resolve(List.of("sh"), Map.of()).get(0).startsWith("/"));
    }

    @Test
    void theProgramSudoRunsIsLookedUpInTheSystemFoldersOnly() throws IOException {
        Path marker = dir.resolve("marker");
        Path bin = dir.resolve("bin");
        Path sudo = plant(bin, "sudo", marker);
        // The user's PATH has its own `sh` first: sudo must still get the system's, which root may trust.
        plant(bin, "sh", marker);
        List<String> argv = ProgramResolver.resolve(List.of("sudo", "sh", "-c", "true"), Map.of("PATH", bin.toString()));
        assertEquals(sudo.toString(), argv.get(0));
        assertTrue(argv.get(1).equals("/usr/bin/sh") || argv.get(1).equals("/bin/sh"), argv.get(1));
        assertEquals(List.of("-c", "true"), argv.subList(2, 4));
        IOException e = assertThrows(IOException.class, () -> ProgramResolver.resolve(
                List.of("sudo", "safepip-no-such-tool"), Map.of("PATH", bin.toString())));
        assertTrue(e.getMessage().startsWith("cannot run safepip-no-such-tool: not found in /usr/local/sbin:"),
                e.getMessage());
        // An absolute program under sudo (the interpreter of a rescue) stays as it is.
        assertEquals("/opt/python3", ProgramResolver.resolve(List.of("sudo", "/opt/python3"),
                Map.of("PATH", bin.toString())).get(1));
    }

    /** The attack: PATH=":$PATH" (or ".", or a relative entry) and a `dpkg` in the working folder. */
    @Test
    void noRunnerStartsAProgramPlantedInTheWorkingFolder() throws IOException {
        Path marker = dir.resolve("marker");
        Path cwd = dir.resolve("work");
        plant(cwd, "dpkg", marker);
        plant(cwd.resolve("rel"), "dpkg", marker);
        String system = "/usr/local/bin:/usr/bin:/bin";
        for (String path : List.of(":" + system, ".:" + system, "rel:" + system, system + ":", "")) {
            Map<String, String> env = Map.of("PATH", path);
            try {
                CapturedCommand.run(List.of("dpkg", "--version"), env, cwd, Duration.ofSeconds(20));
            } catch (IOException e) {
                assertEquals("cannot run dpkg: not found on PATH", e.getMessage());
            }
            try {
                CapturedCommand.runBeside(List.of("dpkg", "--version"), env, cwd, Duration.ofSeconds(20));
            } catch (IOException e) {
                assertEquals("cannot run dpkg: not found on PATH", e.getMessage());
            }
            try {
                new PipRunner(env, cwd).run(List.of("dpkg", "--version"));
            } catch (IOException e) {
                assertEquals("cannot run dpkg: not found on PATH", e.getMessage());
            }
            assertFalse(Files.exists(marker), "the planted dpkg ran with PATH=" + path);
        }
    }

    @Test
    void niceIsGivenTheResolvedProgram() throws IOException {
        Path marker = dir.resolve("marker");
        Path cwd = dir.resolve("work");
        plant(cwd, "safepip-test-tool", marker);
        // nice would search PATH itself and find the planted one through the empty entry.
        IOException e = assertThrows(IOException.class, () -> CapturedCommand.runBeside(
                List.of("safepip-test-tool"), Map.of("PATH", ":/usr/bin:/bin"), cwd, Duration.ofSeconds(20)));
        assertEquals("cannot run safepip-test-tool: not found on PATH", e.getMessage());
        assertFalse(Files.exists(marker));
    }
}
