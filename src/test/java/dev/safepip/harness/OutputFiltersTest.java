package dev.safepip.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutputFiltersTest {

    @Test
    void theLongerValueWinsWhateverTheOrderTheyWereAddedIn() {
        OutputFilters filters = new OutputFilters()
                .literal("/tmp/junit1", "[TMP]")
                .literal("3.11", "[PYTHON_MINOR]")
                .literal("/tmp/junit1/home", "[HOME]")
                .literal("3.11.2", "[PYTHON_VERSION]");
        assertEquals("[HOME]/.local and [TMP]/managed/bin/python[PYTHON_MINOR], Python [PYTHON_VERSION]",
                filters.apply("/tmp/junit1/home/.local and /tmp/junit1/managed/bin/python3.11, Python 3.11.2"));
    }

    @Test
    void aMissingValueReplacesNothingAndPatternsRunAfterTheLiterals() {
        OutputFilters filters = new OutputFilters()
                .literal(null, "[PIPX_VERSION]")
                .literal("", "[NOTHING]")
                .pattern("\\[TMP]/[a-z]+/env/home", "[HOME]")
                .literal("/tmp/j", "[TMP]");
        assertEquals("[HOME]/x, 1.7", filters.apply("/tmp/j/fresh/env/home/x, 1.7"));
    }

    @Test
    void everyLineAfterRunningUpToSafepipsNextLineIsTheChildsAndLeftOut() {
        String stderr = "safepip: looking at x …\n"
                + "Ways out:\n"
                + "    /usr/bin/pip install x\n"
                + "safepip: running /v/bin/pip install x\n"
                + "Collecting x\n"
                + "    indented like safepip's commands\n"
                + "\n"
                + "WARNING: Running pip as the 'root' user\n"
                + "safepip: installed into /v.\n"
                + "safepip: running /v/bin/pip check\n"
                + "No broken requirements found.";
        assertEquals("safepip: looking at x …\n"
                + "Ways out:\n"
                + "    /usr/bin/pip install x\n"
                + "safepip: running /v/bin/pip install x\n"
                + "safepip: installed into /v.\n"
                + "safepip: running /v/bin/pip check\n", OutputFilters.withoutChildOutput(stderr));
    }

    @Test
    void withoutAChildNothingIsLeftOut() {
        String stderr = "safepip: plan:\n    a b\n\nNothing was run.\n";
        assertEquals(stderr, OutputFilters.withoutChildOutput(stderr));
        assertEquals("", OutputFilters.withoutChildOutput(""));
    }

    @Test
    void aScreenLosesItsPaddingAndTheBlankLinesBelow() {
        assertEquals("Choice [1]: q\n  1) a\n", OutputFilters.trimScreen("Choice [1]: q   \n  1) a\n\n   \n\n"));
        assertEquals("", OutputFilters.trimScreen("\n\n"));
    }

    @Test
    void findGivesTheFirstGroupOrNull() {
        assertEquals("23.0.1", OutputFilters.find("^pip (\\S+)", "pip 23.0.1 from /usr/lib (python 3.11)"));
        assertEquals(null, OutputFilters.find("^pip (\\S+)", "no pip"));
    }
}
