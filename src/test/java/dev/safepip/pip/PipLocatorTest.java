package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safepip.core.RandomText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipLocatorTest {

    @ParameterizedTest(name = "[{index}] called as {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                        | pip,pip3
            safepip                  | pip,pip3
            /home/u/.local/bin/pip   | pip,pip3
            pip3                     | pip3,pip
            /usr/local/bin/pip3      | pip3,pip
            pip3.11                  | pip3.11,pip,pip3
            pip3a                    | pip,pip3
            pip                      | pip,pip3
            /opt/bin/pip3.12         | pip3.12,pip,pip3
            pipx                     | pip,pip3
            pip-3                    | pip,pip3
            """)
    void namesFor(String calledAs, String expected) {
        assertEquals(List.of(expected.split(",")), PipLocator.namesFor(calledAs));
    }

    @Test
    void aVersionedPipIsWhatTheRegexCalledOne() {
        for (String name : RandomText.strings(3, "pip3.1x", 40_000, 7)) {
            assertEquals(name.matches("pip[0-9.]+"), PipLocator.isVersionedPip(name), name);
        }
    }
}
