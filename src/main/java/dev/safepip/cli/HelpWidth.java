package dev.safepip.cli;

import dev.safepip.core.World;
import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * How wide help is, as pip and pipx decide it (Python's shutil.get_terminal_size): COLUMNS, else the terminal's
 * width when stdout is one, else 80, as for `safepip --help | less`. Help only: never on a pip call's path.
 */
final class HelpWidth {
    /** picocli's least width. */
    private static final int NARROWEST = 55;
    private static final int FALLBACK = 80;

    private HelpWidth() {
    }

    static int of(World world) {
        Integer columns = number(world.getenv("COLUMNS"));
        if (columns == null && world.tty().out()) {
            columns = terminalColumns(world);
        }
        return Math.max(NARROWEST, columns == null ? FALLBACK : columns);
    }

    /** `stty size` of the controlling terminal: "rows columns" (-F on Linux, -f on BSD and macOS). */
    private static Integer terminalColumns(World world) {
        for (String flag : List.of("-F", "-f")) {
            try {
                CapturedCommand.Result size = CapturedCommand.run(List.of("stty", flag, "/dev/tty", "size"),
                        world.env(), world.cwd(), Duration.ofSeconds(2));
                String[] words = size.stdout().strip().split("\\s+");
                if (size.ok() && words.length == 2) {
                    return number(words[1]);
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer number(String text) {
        if (text == null || !text.matches("[0-9]{1,4}") || Integer.parseInt(text) == 0) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
