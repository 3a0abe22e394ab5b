package dev.safepip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.config.WrapperOptions;
import dev.safepip.core.World;
import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import dev.safepip.shell.ShellInit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * OwnWords is the one list of safepip's own words: the launcher's generated block, picocli's model and the
 * completion of `init` must say what it says. A changed table without scripts/gen-own-words, a command or option
 * declared in picocli past the table, or a completion list of its own fails here.
 */
class OwnWordsTest {
    private static final Path ROOT = Path.of(System.getProperty("safepip.root", "."));

    @TempDir
    Path tmp;

    @Test
    void theLaunchersBlockIsTheTableRenderedNow() throws IOException {
        String launcher = Files.readString(ROOT.resolve("scripts/safepip"), StandardCharsets.UTF_8);
        int start = launcher.indexOf("# >>> safepip's words");
        int end = launcher.indexOf("# <<< safepip's words\n");
        assertTrue(start >= 0 && end > start, "scripts/safepip has a words block");
        assertEquals(OwnWords.launcherBlock(), launcher.substring(start, end + "# <<< safepip's words\n".length()),
                "run scripts/gen-own-words after changing OwnWords.java");
        assertEquals(launcher.lastIndexOf("# >>> safepip's words"), start, "one words block");
    }

    /** The block's case patterns take the words OwnWords takes, as a POSIX sh reads them. */
    @Test
    void theLaunchersPatternsMatchWhatTheParserMatches() throws IOException {
        Path dash = Prerequisites.command("dash", "dash");
        List<String> words = new ArrayList<>(List.of("--via=", "--via=venv", "--via=a=b", "--viax", "--vi", "--yes=1",
                "--help=x", "-h", "-hv", "--version", "-V", "--", "-", "", "install", "Doctor", "doctors", "do ctor",
                "--inject", "--inject=app", "--plan", "--plans", "rescue", "where", "init", "help"));
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            words.addAll(option.names());
        }
        words.addAll(OwnWords.commandNames());
        Path script = tmp.resolve("words.sh");
        Files.writeString(script, OwnWords.launcherBlock() + "for word do\n"
                + "    own_option \"$word\" && echo option || echo -\n"
                + "    own_command \"$word\" && echo command || echo -\n"
                + "    compiles_as_usual \"$word\" && echo compiles || echo -\n"
                + "done\n", StandardCharsets.UTF_8);
        List<String> argv = new ArrayList<>(List.of(dash.toString(), script.toString()));
        argv.addAll(words);
        Proc.Result result = Proc.run(argv, Map.of("PATH", TestEnv.BASE_PATH), tmp, Duration.ofSeconds(30));
        StringBuilder expected = new StringBuilder();
        for (String word : words) {
            OwnWords.Option option = OwnWords.option(word);
            OwnWords.Command command = OwnWords.command(word);
            boolean compiles = command != null ? command.compiles()
                    : option != null && option.help() && option.names().contains(word);
            expected.append(option != null ? "option" : "-").append('\n')
                    .append(command != null ? "command" : "-").append('\n')
                    .append(compiles ? "compiles" : "-").append('\n');
        }
        assertEquals(expected.toString(), result.stdout(), String.join(" | ", words));
    }

    @Test
    void picocliDeclaresTheTablesCommandsAndOptions() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        World world = new World(Map.of("HOME", tmp.toString()), tmp, new World.Tty(false, false, false), null, null,
                sink, sink, InputStream.nullInputStream());
        CommandLine top = new OwnCommands(world).model(new Invocation(WrapperOptions.none(), null, List.of()));

        Map<String, String> commands = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            CommandLine.Model.CommandSpec spec = sub.getValue().getCommandSpec();
            assertEquals(sub.getKey(), spec.name(), "the @Command name of " + sub.getKey());
            commands.put(spec.name(), spec.usageMessage().description()[0]);
        }
        Map<String, String> table = new LinkedHashMap<>();
        List<String> synopsis = new ArrayList<>(List.of(SafepipCommand.SYNOPSIS));
        for (OwnWords.Command command : OwnWords.COMMANDS) {
            table.put(command.name(), command.summary());
            synopsis.add("       safepip " + command.synopsis());
            assertTrue(command.synopsis().startsWith(command.name()), command.synopsis());
        }
        assertEquals(table, commands, "picocli's commands, in help's order, with their summaries");
        assertEquals(synopsis, List.of(top.getCommandSpec().usageMessage().customSynopsis()));

        List<String> options = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : top.getCommandSpec().options()) {
            options.add(String.join(",", option.names()) + " " + (option.arity().max() > 0 ? option.paramLabel()
                    : "-") + " " + option.usageHelp() + " " + option.description()[0]);
        }
        List<String> fromTable = new ArrayList<>();
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            fromTable.add(String.join(",", option.names()) + " " + (option.takesValue() ? option.paramLabel() : "-")
                    + " " + option.help() + " " + option.summary());
        }
        assertEquals(fromTable, options, "safepip's options as picocli shows them");
    }

    @Test
    void completionOffersAndSkipsTheTablesWords() {
        List<String> offered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> withValue = new ArrayList<>();
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            offered.add(option.longName());
            if (!option.help()) {
                for (String name : option.names()) {
                    (option.takesValue() ? withValue : skipped).add(name);
                }
            }
        }
        List<String> commands = new ArrayList<>();
        for (OwnWords.Command command : OwnWords.COMMANDS) {
            offered.add(command.name());
            if (!command.name().equals("init")) {
                commands.add(command.name());
            }
        }
        List<String> skippedPatterns = new ArrayList<>();
        for (String name : withValue) {
            skippedPatterns.add(name + "=*");
        }
        skippedPatterns.addAll(skipped);
        String words = String.join(" ", offered);
        assertEquals(words, String.join(" ", OwnWords.completionWords()));

        String bash = ShellInit.render("bash", "/s", OwnCommands.completion(), List.of());
        assertTrue(bash.contains("compgen -W \"" + words + "\""), bash);
        assertTrue(bash.contains("\n            " + String.join("|", withValue) + ") skip=1; continue ;;\n"), bash);
        assertTrue(bash.contains("\n            " + String.join("|", skippedPatterns) + ") continue ;;\n"), bash);
        assertTrue(bash.contains("\n        " + String.join("|", commands) + ") COMPREPLY="), bash);
        assertTrue(ShellInit.render("zsh", "/s", OwnCommands.completion(), List.of())
                .contains("reply+=( " + words + " )"));
        assertTrue(ShellInit.render("fish", "/s", OwnCommands.completion(), List.of())
                .contains("(__safepip_pip_completion) " + words + "'"));
        for (String shell : ShellInit.SHELLS) {
            String code = ShellInit.render(shell, "/s", OwnCommands.completion(), List.of());
            assertEquals(-1, code.indexOf("@OWN_"), shell + ": every placeholder filled");
        }
    }

    @Test
    void lookupsKnowEachWordAndNothingElse() {
        for (OwnWords.Command command : OwnWords.COMMANDS) {
            assertEquals(command, OwnWords.command(command.name()));
        }
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            for (String name : option.names()) {
                assertEquals(option, OwnWords.option(name));
                assertEquals(option.takesValue() ? option : null, OwnWords.option(name + "=x"), name + "=x");
            }
        }
        assertNull(OwnWords.command("install"));
        assertNull(OwnWords.option("--vi"));
        assertNull(OwnWords.option("--viax"));
        assertNotNull(OwnWords.option("--via="));
    }
}
