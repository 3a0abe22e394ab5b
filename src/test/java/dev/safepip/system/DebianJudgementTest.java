package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The command-package rows, read by hand: the exact project only, and a malformed row judges nothing. */
class DebianJudgementTest {
    @Test
    void theGeneratedDataNamesDebiansCommandPackages() {
        assertEquals(new DebianJudgement.Command("flake8", "python3-flake8", 4), DebianJudgement.commandFor("flake8"));
        assertEquals("pyflakes3", DebianJudgement.commandFor("pyflakes").command());
        assertNull(DebianJudgement.commandFor("numpy"));
        assertNull(DebianJudgement.commandFor("flake"));
    }

    @Test
    void onlyTheWholeNameMatchesAndABrokenRowIsNothing() {
        String lines = "    flake8-2020 x python3-x 1\n    flake8 flake8 python3-flake8 4\n    bad bad python3-bad many\n";
        assertEquals("flake8", DebianJudgement.commandIn(lines, "flake8").command());
        assertNull(DebianJudgement.commandIn(lines, "bad"));
        assertNull(DebianJudgement.commandIn(lines, "flake8-20"));
    }
}
