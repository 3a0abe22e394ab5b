package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Proc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * safepip's own help, as pip's: wrapped at word boundaries to COLUMNS (80 without a terminal, as for `| less`),
 * never a paragraph broken in mid-sentence; every own command answers --help and -V.
 */
class HelpIT {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", "doctor", "where", "init"})
    void helpIsFilledToTheWidthAndNoWider(String command) {
        for (int width : new int[] {80, 132}) {
            Map<String, String> env = Sandbox.in(tmp.resolve("w" + width)).env();
            env.put("COLUMNS", Integer.toString(width));
            Proc.Result help = Launcher.run(env, tmp, command.isEmpty() ? List.of("--help")
                    : List.of(command, "--help"));
            assertEquals(0, help.exit(), help.describe());
            assertTrue(help.stdout().startsWith("Usage: safepip" + (command.isEmpty() ? "" : " " + command)),
                    help.describe());
            List<String> lines = help.stdout().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertTrue(line.length() <= width, "wider than " + width + ": " + line);
                // A prose line followed by more of its paragraph must be full: else it was broken mid-sentence.
                boolean continued = !line.isBlank() && i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                        && Character.isLowerCase(lines.get(i + 1).strip().charAt(0))
                        && !lines.get(i + 1).startsWith(" ") && !line.startsWith(" ");
                if (continued) {
                    int next = lines.get(i + 1).strip().split(" ")[0].length();
                    // picocli leaves the last column free.
                    assertTrue(line.length() + 1 + next >= width, "broken before the width " + width + ":\n"
                            + line + "\n" + lines.get(i + 1));
                }
            }
        }
    }

    @Test
    void theTopHelpHasNoParagraphBrokenAtAHundredColumnsWhenWide() {
        Map<String, String> env = Sandbox.in(tmp).env();
        env.put("COLUMNS", "200");
        Proc.Result help = Launcher.run(env, tmp, "--help");
        assertTrue(help.stdout().contains("When an install is blocked because this Python is externally managed (PEP "
                + "668), safepip explains it"), help.describe());
        assertTrue(help.stdout().contains("init    Print shell code for your shell's profile: pip and pip3 send "
                + "install and uninstall through safepip and run every other command as the real pip, with "
                + "completion."), "the init entry is a whole sentence: " + help.describe());
        assertTrue(help.stdout().contains("${XDG_CONFIG_HOME:-~/.config}/safepip/config"), help.describe());
    }

    @Test
    void initsHelpHasTheExamples() {
        Proc.Result help = Launcher.run(Sandbox.in(tmp).env(), tmp, "init", "--help");
        for (String example : List.of("eval \"$(safepip init bash)\"", "eval \"$(safepip init zsh)\"",
                "safepip init fish | source", "eval \"$(safepip init bash --path)\"")) {
            assertTrue(help.stdout().contains(example), example + " in " + help.describe());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor", "where", "init"})
    void everyOwnCommandAnswersVersion(String command) {
        for (String flag : List.of("-V", "--version")) {
            Proc.Result version = Launcher.run(Sandbox.in(tmp.resolve(flag)).env(), tmp, command, flag);
            assertEquals(0, version.exit(), version.describe());
            assertTrue(version.stdout().matches("safepip \\S+ from \\S+safepip\\.jar \\(java \\S+\\)\n"),
                    version.describe());
        }
    }
}
