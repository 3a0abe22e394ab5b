package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The launcher's option table (scripts/safepip) and the Java one (PipOptionData) are two renderings of the same rows
 * by scripts/gen-pip-options: a hand edit of either, or a regeneration of one only, fails here.
 */
class LauncherOptionTableTest {

    @Test
    void theLaunchersTableIsTheJavaTableRenderedForTheShell() throws IOException {
        Path launcher = Path.of(System.getProperty("safepip.root", ".")).resolve("scripts/safepip");
        TreeSet<String> inLauncher = new TreeSet<>();
        String scope = null;
        boolean inBlock = false;
        for (String line : Files.readAllLines(launcher)) {
            if (line.startsWith("# >>> pip's options")) {
                inBlock = true;
            } else if (line.startsWith("# <<< pip's options")) {
                inBlock = false;
            } else if (inBlock && line.startsWith("opts_")) {
                scope = line.substring("opts_".length(), line.indexOf('='));
            } else if (inBlock && line.startsWith(" -")) {
                inLauncher.add(scope + " " + line.strip());
            }
        }
        TreeSet<String> fromJava = new TreeSet<>();
        for (String row : PipOptionData.TSV.split("\n")) {
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split("\t");
            PipOption option = new PipOption(List.of(cells[1].split(" ")), cells[2].equals("VALUE"));
            for (String name : option.names()) {
                fromJava.add(cells[0] + " " + name + ":" + option.key() + ":" + (option.takesValue() ? "V" : "F"));
            }
        }
        assertTrue(fromJava.size() > 150, "the Java table has pip's options: " + fromJava.size());
        assertEquals(new ArrayList<>(fromJava), new ArrayList<>(inLauncher),
                "run scripts/gen-pip-options --from-java after changing PipOptionData.java");
    }
}
