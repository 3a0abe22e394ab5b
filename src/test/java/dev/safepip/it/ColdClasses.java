package dev.safepip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the blocked path may not load in a cold JVM (a first regular expression, lambda, stream, future, thread pool
 * or Formatter costs milliseconds to start, interpreted), read from the JVM's class-loading log. One list, for every
 * test that reads such a log.
 */
final class ColdClasses {
    /** Where each of those starts (and a lambda of any class shows as a $$Lambda class). */
    private static final List<String> HEAVY = List.of("java.util.regex.Pattern",
            "java.lang.invoke.LambdaMetafactory", "java.util.stream.ReferencePipeline",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.ForkJoinPool", "java.util.Formatter");
    /**
     * Light, though named like the heavy: from JDK 21 every lock condition's wait node (AQS$ConditionNode, as in a
     * process's wait or the JDK's own cleaner thread) implements ForkJoinPool.ManagedBlocker, so the interface loads
     * with the first wait. It is an interface of two methods: loading it starts no pool and no thread, and
     * ForkJoinPool itself stays unloaded (still checked).
     */
    private static final List<String> LIGHT = List.of("java.util.concurrent.ForkJoinPool$ManagedBlocker");

    private ColdClasses() {
    }

    /** The classes a `-Xlog:class+load=info:file=LOG` log names, in the order they loaded. */
    static List<String> loaded(Path log) throws IOException {
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int start = line.indexOf(' ');
            int end = line.indexOf(' ', start + 1);
            if (start > 0 && end > start) {
                loaded.add(line.substring(start + 1, end));
            }
        }
        return loaded;
    }

    static boolean heavy(String name) {
        boolean heavy = name.contains("$$Lambda");
        for (String start : HEAVY) {
            heavy |= name.startsWith(start);
        }
        return heavy && !LIGHT.contains(name);
    }
}
