package dev.safepip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
 * Data flows one way: no two packages of safepip depend on each other, directly or round a loop. Asked of jdeps,
 * the JDK's own dependency tool, on the compiled classes.
 */
class PackageCyclesTest {
    private static final String ROOT = "dev.safepip";

    @Test
    void noPackageDependsOnItselfRoundALoop() {
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
        List<String> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            List<String> path = loopFrom(start, start, edges, new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    /** A path from node back to start, or null. */
    private static List<String> loopFrom(String start, String node, Map<String, Set<String>> edges, Set<String> seen) {
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (next.equals(start)) {
                return new ArrayList<>(List.of(node.substring(ROOT.length()), next.substring(ROOT.length())));
            }
            if (seen.add(next)) {
                List<String> rest = loopFrom(start, next, edges, seen);
                if (rest != null) {
                    rest.add(0, node.substring(ROOT.length()));
                    return rest;
                }
            }
        }
        return null;
    }
}
