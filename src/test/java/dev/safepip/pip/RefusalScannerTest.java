package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalScannerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "error: externally-managed-environment",
            "\u001b[1;31merror\u001b[0m: \u001b[1mexternally-managed-environment\u001b[0m",
            "   error: externally-managed-environment",
            "\terror: externally-managed-environment   ",
            "error: externally-managed-environment\r",
            "ERROR: Externally-Managed-Environment",
            "\u001b[31;1merror\u001b[39;22m:\u001b[0m externally-managed-environment\u001b[K",
    })
    void recognisesPipsRefusalLine(String line) {
        assertTrue(RefusalScanner.isRefusal(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ERROR: Could not find a version that satisfies the requirement nothing-here",
            "error: subprocess-exited-with-error",
            "hint: pip says error: externally-managed-environment when the marker is there",
            "error: externally-managed-environment, see below",
            "× This environment is externally managed",
            "externally-managed-environment",
            "",
    })
    void ignoresOtherLines(String line) {
        assertFalse(RefusalScanner.isRefusal(line), line);
    }

    @Test
    void remembersTheRefusalOnceSeenAmongOtherLines() {
        RefusalScanner scanner = new RefusalScanner();
        scanner.accept("Defaulting to user installation because normal site-packages is not writeable");
        assertFalse(scanner.seen());
        scanner.accept("\u001b[1;31merror\u001b[0m: \u001b[1mexternally-managed-environment\u001b[0m");
        scanner.accept("");
        scanner.accept("× This environment is externally managed");
        assertEquals(true, scanner.seen());
    }
}
