package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PipArgvParser against the real option table (the resource generated from pip). */
class PipArgvParserTest {
    private final PipArgvParser parser = new PipArgvParser(PipOptionTable.get());

    static List<String> words(String argv) {
        return argv == null || argv.isBlank() ? List.of() : Arrays.asList(argv.trim().split(" "));
    }

    /** Options as "key=value" (or just "key" for a flag), in order, by their key (first long name). */
    static String render(PipCommandLine line) {
        return line.options().stream()
                .map(u -> u.option().key() + (u.value() == null ? "" : "=" + u.value()))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{index}] pip {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # argv                                  | command   | understood | positionals    | options
            --log FILE install x                    | install   | true       | x              | --log=FILE
            --log-file=FILE install x               | install   | true       | x              | --log=FILE
            --proxy=X install                       | install   | true       | -              | --proxy=X
            -v install x                            | install   | true       | x              | --verbose
            --python X install x                    | install   | true       | x              | --python=X
            --pro X install x                       | install   | true       | x              | --proxy=X
            --cache /c install x                    | install   | true       | x              | --cache-dir=/c
            install --no-deps x                     | install   | true       | x              | --no-deps
            install --no-dependencies x             | install   | true       | x              | --no-deps
            install --no-dep x                      | install   | false      | x              | -
            install --upgrade-s eager x             | install   | true       | x              | --upgrade-strategy=eager
            install --ignore-inst x                 | install   | true       | x              | --ignore-installed
            install --require-v x                   | install   | false      | x              | -
            install --require-venv x                | install   | true       | x              | --require-virtualenv
            install -Ur req.txt                     | install   | true       | -              | --upgrade --requirement=req.txt
            install -qr req.txt x                   | install   | true       | x              | --quiet --requirement=req.txt
            -qq install x                           | install   | true       | x              | --quiet --quiet
            install -rreq.txt                       | install   | true       | -              | --requirement=req.txt
            install -e. x                           | install   | true       | x              | --editable=.
            install -- --user x                     | install   | true       | --user,x       | -
            -- install x                            | install   | true       | x              | -
            install --user=1 x                      | install   | false      | x              | -
            install --target=d x                    | install   | true       | x              | --target=d
            install --index-url=https://i/simple x  | install   | true       | x              | --index-url=https://i/simple
            install -i https://i/simple x y         | install   | true       | x,y            | --index-url=https://i/simple
            install x -e ./src y                    | install   | true       | x,y            | --editable=./src
            install --log=--user x                  | install   | true       | x              | --log=--user
            install --src=dir x                     | install   | true       | x              | --src=dir
            install --bogus x                       | install   | false      | x              | -
            install -Z x                            | install   | false      | x              | -
            --bogus install x                       | install   | false      | x              | -
            install -r                              | install   | false      | -              | --requirement=
            install --report                        | install   | false      | -              | --report
            uninstall -y x                          | uninstall | true       | x              | --yes
            uninstall --yes -r f                    | uninstall | true       | -              | --yes --requirement=f
            list --outdated --bogus                 | list      | true       | -              | -
            --version                               | -         | true       | -              | --version
            -                                       | -         | true       | -              | -
            """)
    void splitsLikePip(String argv, String command, boolean understood, String positionals, String options) {
        PipCommandLine line = parser.parse(words(argv));
        assertAll(
                () -> assertEquals(words(argv), line.argv(), "argv is kept as given"),
                () -> assertEquals(command, line.command(), "command"),
                () -> assertEquals(understood, line.understood(), "understood"),
                () -> assertEquals(positionals == null ? List.of() : List.of(positionals.split(",")),
                        line.positionals(), "positionals"),
                () -> assertEquals(options == null ? "" : options, render(line), "options"));
    }

    @Test
    void valuesAreCollectedPerKeyWhateverSpellingWasUsed() {
        PipCommandLine line = parser.parse(List.of("install", "-r", "a.txt", "--requirement=b.txt", "--requirement", "c.txt",
                "-rd.txt"));
        assertTrue(line.understood());
        assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt"), line.values("--requirement"));
        assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt"), line.values("-r"));
        assertTrue(line.has("-r"));
        assertFalse(line.has("--user"));
    }

    @Test
    void anEmptyValueGivenWithEqualsIsStillAValue() {
        PipCommandLine line = parser.parse(List.of("install", "--report=", "x"));
        assertTrue(line.understood());
        assertEquals(List.of(""), line.values("--report"));
        assertEquals(List.of("x"), line.positionals());
    }

    @Test
    void theTableKnowsTheCommandsPep668ConcernsAndNothingElse() {
        PipOptionTable table = PipOptionTable.get();
        assertTrue(table.command("install") != null);
        assertTrue(table.command("uninstall") != null);
        assertNull(table.command("global"), "the general scope is not a command");
        assertNull(table.command("list"));
        assertEquals("--log", table.general().matchLong("--local-log").key());
        assertNull(table.general().matchLong("--user"), "--user is not a general option");
        assertNull(table.command("install").matchLong("--no-dep"), "two spellings make a prefix ambiguous");
        assertEquals('y', table.command("uninstall").matchShort('y').names().get(0).charAt(1));
        assertNull(table.command("install").matchShort('y'));
    }
}
