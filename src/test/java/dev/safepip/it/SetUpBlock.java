package dev.safepip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commands of the README's "Set up" block, without their comments: what a newcomer types. */
final class SetUpBlock {
    private SetUpBlock() {
    }

    static List<String> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("## Set up");
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("```")) {
                if (inBlock) {
                    break;
                }
                inBlock = true;
            } else if (inBlock) {
                int comment = line.indexOf(" #");
                commands.add((comment < 0 ? line : line.substring(0, comment)).strip());
            }
        }
        return commands;
    }

    /** The line marked "# the test command", as .ci/run finds it. */
    static String testCommand(Path readme) throws IOException {
        for (String line : Files.readAllLines(readme)) {
            int mark = line.indexOf("# the test command");
            if (mark > 0) {
                return line.substring(0, mark).strip();
            }
        }
        return null;
    }
}
