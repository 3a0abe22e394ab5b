package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pep668Rules on argv split by the real option table. The expectations follow pip's own code (commands/install.py,
 * commands/uninstall.py, cli/main_parser.py); the doubtful ones were checked against pip 23.0.1 on Debian 12.
 */
class Pep668RulesTest {
    private final PipArgvParser parser = new PipArgvParser(PipOptionTable.get());

    private Exposure classify(List<String> argv) {
        return Pep668Rules.classify(parser.parse(argv));
    }

    @ParameterizedTest(name = "[{index}] pip {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # argv                                      | exposure
            install x                                   | CHECKED
            install --user x                            | CHECKED
            install -U x y                              | CHECKED
            --log FILE install x                        | CHECKED
            -v install x                                | CHECKED
            -qq install x                               | CHECKED
            --log install install x                     | CHECKED
            install -r f                                | CHECKED
            install -rreq.txt                           | CHECKED
            install -Ur req.txt                         | CHECKED
            install -e .                                | CHECKED
            install --upgrade-s eager x                 | CHECKED
            install --dry-run x                         | CHECKED
            install --report r.json x                   | CHECKED
            install -- x                                | CHECKED
            -- install x                                | CHECKED
            install --target d x                        | NONE
            install -t d x                              | NONE
            install --target=d x                        | NONE
            install --targ d x                          | NONE
            install --prefix /p x                       | NONE
            install --root /r x                         | NONE
            install --dry-run --report - x              | NONE
            install --report=- x --dry-run              | NONE
            install --break-system-packages x           | NONE
            install --break-sys x                       | NONE
            uninstall --break-system-packages x         | NONE
            install --target d --python X x             | NONE
            install --help                              | NONE
            install -h                                  | NONE
            install --help x                            | NONE
            install -qh x                               | NONE
            --help install x                            | NONE
            --version                                   | NONE
            -V install x                                | NONE
            --version install x                         | NONE
            list                                        | NONE
            freeze                                      | NONE
            show x                                      | NONE
            download x                                  | NONE
            wheel x                                     | NONE
            list --bogus                                | NONE
            -                                           | NONE
            install                                     | MAYBE
            install -v                                  | MAYBE
            --proxy=X install                           | MAYBE
            install -c constraints.txt                  | MAYBE
            uninstall x                                 | CHECKED
            uninstall -y x y                            | CHECKED
            uninstall --yes x                           | CHECKED
            uninstall -r f                              | MAYBE
            uninstall -r f x                            | MAYBE
            uninstall                                   | MAYBE
            uninstall -y                                | MAYBE
            install --bogus x                           | MAYBE
            install -Z x                                | MAYBE
            --bogus install x                           | MAYBE
            install --no-dep x                          | MAYBE
            install --require-v x                       | MAYBE
            install --user=1 x                          | MAYBE
            install --break-system-packages=1 x         | MAYBE
            install -r                                  | MAYBE
            --python X install x                        | MAYBE
            --python=X uninstall x                      | MAYBE
            --require-virtualenv install x              | MAYBE
            install --require-venv x                    | MAYBE
            """)
    void classifies(String argv, Exposure expected) {
        assertEquals(expected, classify(PipArgvParserTest.words(argv)));
    }

    @Test
    void versionAfterTheCommandDoesNotStopPipsCheck() {
        assertEquals(Exposure.CHECKED, classify(List.of("install", "--version", "x")));
        assertEquals(Exposure.CHECKED, classify(List.of("uninstall", "-V", "x")));
        assertNotEquals(Exposure.NONE, classify(List.of("install", "--version")));
    }

    @Test
    void anEmptyReportFileDoesNotExemptADryRun() {
        assertEquals(Exposure.CHECKED, classify(List.of("install", "--dry-run", "--report", "", "x")));
        assertEquals(Exposure.CHECKED, classify(List.of("install", "--dry-run", "--report=", "x")));
    }

    @Test
    void aDoubleDashBeforeTheCommandMakesEveryLaterWordAPositional() {
        PipCommandLine line = parser.parse(List.of("--", "install", "--target", "d", "x"));
        assertEquals(List.of("--target", "d", "x"), line.positionals());
        assertEquals(Exposure.CHECKED, Pep668Rules.classify(line));
        assertEquals(Exposure.CHECKED, classify(List.of("--", "install", "--help")));
    }
}
