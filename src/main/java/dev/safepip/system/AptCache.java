package dev.safepip.system;

import dev.safepip.core.StateFiles;
import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks apt-cache about many packages in one process. `apt-cache show --no-all-versions` rather than `policy`: it
 * gives the candidate's version together with its Source field, and its field names are never translated.
 * Each start costs apt most of a second (it loads its whole cache), so callers gather every name first.
 */
final class AptCache {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One binary package as apt would install it. */
    record Entry(String packageName, String source, String version) {
    }

    /** apt's own package cache, where the system keeps one. */
    static final Path SYSTEM_CACHE = Path.of("/var/cache/apt/pkgcache.bin");

    private final Path aptCache;
    private final CommandStarter helper;
    private final Path ownCache;
    private final Path systemCache;

    /** @param ownCache where apt may keep its package cache for safepip when the system keeps none, or null */
    AptCache(Path aptCache, CommandStarter helper, Path ownCache) {
        this(aptCache, helper, ownCache, SYSTEM_CACHE);
    }

    AptCache(Path aptCache, CommandStarter helper, Path ownCache, Path systemCache) {
        this.aptCache = aptCache;
        this.helper = helper;
        this.ownCache = ownCache;
        this.systemCache = systemCache;
    }

    /**
     * The candidates of the packages named, plus those of every package built from a source package called
     * &lt;name&gt;, python-&lt;name&gt; or python3-&lt;name&gt; for the (normalized) source names given, keyed by
     * package name. Unknown names are simply missing.
     *
     * @throws IOException when apt-cache cannot be started or fails for another reason than unknown names
     */
    Map<String, Entry> show(Collection<String> packages, Collection<String> sourceNames) throws IOException {
        List<String> argv = new ArrayList<>(List.of(aptCache.toString(), "show", "--no-all-versions", "--"));
        argv.addAll(packages);
        if (!sourceNames.isEmpty()) {
            argv.add(sourcePattern(sourceNames));
        }
        if (argv.size() == 4) {
            return Map.of();
        }
        if (ownCache != null && !Files.exists(systemCache)) {
            // The system keeps no package cache (Docker's Debian and Ubuntu images configure none): every apt-cache
            // would then read all of apt's lists again, about a second of CPU. apt builds one in safepip's cache
            // instead, checks it against its lists and dpkg's status on every start, and rebuilds it when stale.
            // apt writes there as whoever runs safepip, root too: only into a folder of safepip's own (made 0700,
            // nobody else may write) and never to a link planted in the cache file's place.
            StateFiles files = StateFiles.forThisProcess();
            files.folder(ownCache.getParent());
            files.checkFile(ownCache);
            argv.addAll(1, List.of("-o", "Dir::Cache::pkgcache=" + ownCache, "-o", "Dir::Cache::srcpkgcache="));
        }
        CapturedCommand.Result result;
        try {
            result = helper.run(argv, TIMEOUT);
        } catch (IOException e) {
            throw new IOException("apt-cache could not be started: " + e.getMessage(), e);
        }
        if (result.timedOut()) {
            throw new IOException("apt-cache did not answer within " + TIMEOUT.toSeconds() + " seconds");
        }
        Map<String, Entry> entries = parse(result.stdout());
        // Exit 100 with "E: No packages found" only means none of the names exists; other failures are real.
        if (result.exit() != 0 && entries.isEmpty() && !result.stderr().contains("No packages found")) {
            throw new IOException("apt-cache failed: " + lastLine(result.stderr()));
        }
        return entries;
    }

    /**
     * One apt pattern (apt 2.0 and later; every release with a PEP 668 marker has it) for all source names. Debian
     * writes `.` where PyPI names normalize to `-` (python-dogpile.cache), so `-` matches either.
     */
    static String sourcePattern(Collection<String> sourceNames) {
        StringBuilder names = new StringBuilder();
        for (String name : sourceNames) {
            if (names.length() > 0) {
                names.append('|');
            }
            names.append(name.replace("-", "[-.]"));
        }
        return "?source-package(\"^(python3?-)?(" + names + ")$\")";
    }

    /** Package, Source and Version of each record; the first record of a package wins (another architecture). */
    static Map<String, Entry> parse(String output) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String pkg = null;
        String source = null;
        String version = null;
        for (String line : (output + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (pkg != null && version != null) {
                    entries.putIfAbsent(pkg, new Entry(pkg, source != null ? source : pkg, version));
                }
                pkg = null;
                source = null;
                version = null;
            } else if (line.startsWith("Package:")) {
                pkg = line.substring("Package:".length()).strip();
            } else if (line.startsWith("Source:")) {
                // "pyyaml (6.0-3)": a binary rebuilt alone names the source's version too.
                String value = line.substring("Source:".length()).strip();
                int space = value.indexOf(' ');
                source = space < 0 ? value : value.substring(0, space);
            } else if (line.startsWith("Version:")) {
                version = line.substring("Version:".length()).strip();
            }
        }
        return entries;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
