package dev.safepip.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.SafepipException;
import dev.safepip.config.WrapperOptions;
import dev.safepip.pip.PipOptionTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvocationParserTest {
    private final InvocationParser parser = new InvocationParser(PipOptionTable.get().general());

    private static String[] argv(String line) {
        return line == null || line.isBlank() ? new String[0] : line.trim().split(" ");
    }

    private static List<String> list(String words) {
        return words == null ? List.of() : Arrays.asList(words.split(" "));
    }

    @ParameterizedTest(name = "[{index}] safepip {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # argv                                      | via  | venv   | yes   | plan  | help  | own    | rest
            --via=venv install x                        | venv | -      | false | false | false | -      | install x
            --via pipx install x                        | pipx | -      | false | false | false | -      | install x
            --venv ~/v install x                        | -    | ~/v    | false | false | false | -      | install x
            --venv=/v install                           | -    | /v     | false | false | false | -      | install
            --yes install x                             | -    | -      | true  | false | false | -      | install x
            --plan install x                            | -    | -      | false | true  | false | -      | install x
            --help                                      | -    | -      | false | false | true  | -      | -
            -h                                          | -    | -      | false | false | true  | -      | -
            --via apt                                   | apt  | -      | false | false | false | -      | -
            install --yes x                             | -    | -      | false | false | false | -      | install --yes x
            uninstall -y x                              | -    | -      | false | false | false | -      | uninstall -y x
            uninstall --yes x                           | -    | -      | false | false | false | -      | uninstall --yes x
            install --via venv --plan x                 | -    | -      | false | false | false | -      | install --via venv --plan x
            install --help                              | -    | -      | false | false | false | -      | install --help
            install -h                                  | -    | -      | false | false | false | -      | install -h
            --log --via install x                       | -    | -      | false | false | false | -      | --log --via install x
            --log=f.log --via=venv install              | venv | -      | false | false | false | -      | --log=f.log install
            -v --yes --proxy http://p --plan install x  | -    | -      | true  | true  | false | -      | -v --proxy http://p install x
            --cache /c --via venv install x             | venv | -      | false | false | false | -      | --cache /c install x
            --timeout 5 --yes install x                 | -    | -      | true  | false | false | -      | --timeout 5 install x
            -vq --yes install x                         | -    | -      | true  | false | false | -      | -vq install x
            -- --via x install                          | -    | -      | false | false | false | -      | -- --via x install
            doctor                                      | -    | -      | false | false | false | doctor | -
            --via=apt doctor --extra                    | apt  | -      | false | false | false | doctor | --extra
            -h doctor                                   | -    | -      | false | false | true  | doctor | -
            --log doctor install                        | -    | -      | false | false | false | -      | --log doctor install
            install doctor                              | -    | -      | false | false | false | -      | install doctor
            list --via venv                             | -    | -      | false | false | false | -      | list --via venv
            """)
    void splitsSafepipsOptionsFromPips(String line, String via, String venv, boolean yes, boolean plan, boolean help,
                                       String own, String rest) {
        Invocation invocation = parser.parse(argv(line));
        WrapperOptions options = invocation.options();
        assertAll(
                () -> assertEquals(via, options.via(), "via"),
                () -> assertEquals(venv, options.venv(), "venv"),
                () -> assertEquals(yes, options.yes(), "yes"),
                () -> assertEquals(plan, options.plan(), "plan"),
                () -> assertEquals(help, options.help(), "help"),
                () -> assertEquals(own, invocation.ownCommand(), "own command"),
                () -> assertEquals(list(rest), invocation.rest(), "rest"));
    }

    @Test
    void anEmptyViaGivenWithEqualsIsKeptForTheCallerToReject() {
        // CsvSource cannot tell "" from absent reliably; check the empty value here.
        assertEquals("", parser.parse(new String[] {"--via=", "install"}).options().via());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--via", "--venv", "--yes --via", "--plan --venv"})
    void aMissingValueIsAUsageError(String line) {
        SafepipException e = assertThrows(SafepipException.class, () -> parser.parse(argv(line)));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals(64, e.exitCode());
        String name = line.endsWith("--via") ? "--via" : "--venv";
        assertTrue(e.getMessage().contains(name + " needs a value"), e.getMessage());
        assertTrue(e.hint() != null && e.hint().contains(name + "="), e.hint());
    }

    @Test
    void ownCommandsAreNotPipCommands() {
        // pip 26's commands (pip 23.0.1's are a subset): none may be shadowed by safepip's own.
        java.util.List<String> pipCommands = java.util.List.of("install", "lock", "download", "uninstall", "freeze",
                "inspect", "list", "show", "check", "config", "search", "cache", "index", "wheel", "hash",
                "completion", "debug", "help");
        assertTrue(InvocationParser.OWN_COMMANDS.contains("doctor"));
        for (String own : InvocationParser.OWN_COMMANDS) {
            assertFalse(pipCommands.contains(own), own + " is a pip command");
            assertTrue(PipOptionTable.get().command(own) == null, own);
        }
    }
}
