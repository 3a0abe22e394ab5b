package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every package says in its package-info.java what it is for and, on a line "May use: a, b, c." (or "nothing of
 * safepip's"; words in brackets say why), which of safepip's packages it may depend on; the compiled classes, as jdeps reads them, must keep to
 * it. A new dependency is then a visible change of that line, read in review, not an accident.
 */
class PackageInfoTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/safepip");
    private static final String ROOT = "dev.safepip";

    @Test
    void everyPackageSaysWhatItIsForAndKeepsToWhatItMayUse() throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        allowed.put(ROOT, mayUse(SOURCES.resolve("package-info.java"), problems));
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(SOURCES, Files::isDirectory)) {
            for (Path dir : packages) {
                allowed.put(ROOT + "." + dir.getFileName(), mayUse(dir.resolve("package-info.java"), problems));
            }
        }
        assertTrue(allowed.size() > 10, "too few packages found under " + SOURCES.toAbsolutePath());
        for (Map.Entry<String, Set<String>> edge : dependencies().entrySet()) {
            Set<String> may = allowed.get(edge.getKey());
            if (may == null) {
                problems.add(edge.getKey() + ": compiled, but no folder with a package-info.java");
                continue;
            }
            for (String used : edge.getValue()) {
                if (!may.contains(used)) {
                    problems.add(edge.getKey() + " uses " + used + ", which its package-info does not allow");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The packages named on the "May use:" line, as short names (core, process…); empty for "nothing". */
    private static Set<String> mayUse(Path info, List<String> problems) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!Files.isRegularFile(info)) {
            problems.add(info + ": missing");
            return names;
        }
        String text = Files.readString(info);
        int at = text.indexOf("May use:");
        if (at < 0 || !text.contains("\npackage ")) {
            problems.add(info + ": no \"May use:\" line");
            return names;
        }
        // "core (bounded reads), run.": the words in brackets say why, the names are the rule.
        String line = text.substring(at + "May use:".length(), text.indexOf('\n', at))
                .replaceAll("\\([^)]*\\)", "").strip();
        if (line.startsWith("nothing")) {
            return names;
        }
        for (String name : line.replace(".", "").split(",")) {
            names.add(ROOT + "." + name.strip());
        }
        return names;
    }

    /** Package to the other safepip packages its compiled classes use, from jdeps. */
    private static Map<String, Set<String>> dependencies() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes.resolve("dev/safepip")), "compile first: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                classes.toString());
        assertEquals(0, exit, out.toString());
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(ROOT) && words[2].startsWith(ROOT)
                    && !words[0].equals(words[2])) {
                edges.computeIfAbsent(words[0], k -> new TreeSet<>()).add(words[2]);
            }
        }
        assertTrue(edges.size() > 5, "jdeps said too little to judge:\n" + out);
        return edges;
    }
}
