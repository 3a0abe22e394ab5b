package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipOptionTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedCommandTest {
    private final PipArgvParser parser = new PipArgvParser(PipOptionTable.get());

    private BlockedCommand blocked(String... argv) {
        return BlockedCommand.of(parser.parse(List.of(argv)));
    }

    @Test
    void readsTheRequirements() {
        BlockedCommand b = blocked("install", "requests>=2", "./local", "Django");
        assertTrue(b.isInstall());
        assertEquals(List.of("requests>=2", "./local", "Django"), b.requirements().stream().map(Requirement::text).toList());
        assertEquals(List.of("requests", "Django"), b.named().stream().map(Requirement::name).toList());
        assertTrue(b.hasUnnamedSources());
        assertFalse(blocked("install", "requests").hasUnnamedSources());
        assertTrue(blocked("install", "-r", "req.txt").hasUnnamedSources());
        assertTrue(blocked("install", "-e", ".").hasUnnamedSources());
        assertTrue(blocked("install", "-c", "c.txt", "x").hasUnnamedSources());
        assertFalse(blocked("uninstall", "-y", "x").isInstall());
    }

    @Test
    void argsForVenvDropUserAndBreakSystemPackagesAndKeepTheRest() {
        BlockedCommand b = blocked("-v", "install", "--user", "-r", "req.txt", "-e", "./src", "--index-url",
                "https://i.example/simple", "--break-system-packages", "-i", "https://j.example/simple", "x");
        assertEquals(List.of("-v", "install", "-r", "req.txt", "-e", "./src", "--index-url", "https://i.example/simple",
                "-i", "https://j.example/simple", "x"), b.argsForVenv());
        assertEquals(List.of("--user", "--break-system-packages"), b.droppedInVenv());
    }

    @Test
    void argsForVenvKeepsEverythingWhenNothingNeedsDropping() {
        BlockedCommand b = blocked("install", "--upgrade", "--index-url=https://i.example/simple", "x[extra]>=1");
        assertEquals(List.of("install", "--upgrade", "--index-url=https://i.example/simple", "x[extra]>=1"),
                b.argsForVenv());
        assertEquals(List.of(), b.droppedInVenv());
    }

    @Test
    void argsBreakingSystemInsertTheFlagRightAfterTheCommand() {
        assertEquals(List.of("install", "--break-system-packages", "x"), blocked("install", "x").argsBreakingSystem());
        assertEquals(List.of("-v", "--log", "f.log", "install", "--break-system-packages", "--user", "-r", "r.txt"),
                blocked("-v", "--log", "f.log", "install", "--user", "-r", "r.txt").argsBreakingSystem());
        assertEquals(List.of("uninstall", "--break-system-packages", "-y", "x"),
                blocked("uninstall", "-y", "x").argsBreakingSystem());
    }

    @Test
    void theBreakingArgsAreAcceptedByPipsParser() {
        PipCommandLine line = parser.parse(blocked("--proxy", "http://p", "install", "-U", "x").argsBreakingSystem());
        assertTrue(line.understood());
        assertTrue(line.has("--break-system-packages"));
        assertEquals(List.of("x"), line.positionals());
    }

    @Test
    void argsBreakingSystemUseTheCommandPipUses() {
        assertEquals(List.of("--log", "install", "install", "--break-system-packages", "x"),
                blocked("--log", "install", "install", "x").argsBreakingSystem());
    }

    @Test
    void argsForVenvDropPython() {
        BlockedCommand b = blocked("--python", "/usr/bin/python3", "install", "x");
        assertEquals(List.of("install", "x"), b.argsForVenv());
        assertEquals(List.of("--python", "/usr/bin/python3"), b.droppedInVenv());
    }
}
