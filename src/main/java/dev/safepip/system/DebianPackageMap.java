package dev.safepip.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debian's own answer to "which binary package ships this PyPI distribution": dh-python's fallback table, which
 * Debian generates from the archive. It knows the names no rule can guess (beautifulsoup4 is python3-bs4, Pillow is
 * python3-pil), and, read backwards, which packages belong to another project than their name suggests
 * (python3-pycryptodome ships pycryptodomex).
 */
final class DebianPackageMap {
    /** Present where dh-python is installed; it then describes this very release, so it wins over our copy. */
    static final Path SYSTEM_TABLE = Path.of("/usr/share/dh-python/dist/cpython3_fallback");

    /**
     * Where the table answers a different question than a user's pip install asks. dh-python maps setuptools to
     * python3-pkg-resources because packages that depend on setuptools at run time mostly want pkg_resources; a
     * user installing setuptools wants setuptools.
     */
    private static final Map<String, String> OVERRIDES = Map.of("setuptools", "python3-setuptools");

    /** The bundled table, normalized and sorted when generated: names are found in it without parsing it. */
    private final SortedLines bundled;
    /** The bundled lines whose package is not python3-&lt;name&gt;, by package: the table read backwards. */
    private final SortedLines bundledOthers;
    private Map<String, String> byName;
    /** Built on first use: most runs only look names up forwards. */
    private Map<String, Set<String>> namesByPackage;

    private DebianPackageMap(Map<String, String> byName) {
        this.byName = byName;
        this.bundled = null;
        this.bundledOthers = null;
    }

    private DebianPackageMap(SortedLines bundled, SortedLines bundledOthers) {
        this.bundled = bundled;
        this.bundledOthers = bundledOthers;
    }

    private Map<String, String> byName() {
        if (byName == null) {
            try {
                byName = parse(new java.io.StringReader(bundled.text())).byName();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byName;
    }

    private Map<String, Set<String>> namesByPackage() {
        if (namesByPackage == null) {
            Map<String, Set<String>> reverse = new HashMap<>();
            for (Map.Entry<String, String> entry : byName().entrySet()) {
                reverse.computeIfAbsent(entry.getValue(), k -> new HashSet<>()).add(entry.getKey());
            }
            namesByPackage = reverse;
        }
        return namesByPackage;
    }

    /** The table of this machine's dh-python when it has one, else the copy bundled with safepip. */
    static DebianPackageMap load() {
        if (Files.isReadable(SYSTEM_TABLE)) {
            try (Reader reader = Files.newBufferedReader(SYSTEM_TABLE, StandardCharsets.UTF_8)) {
                return parse(reader);
            } catch (IOException | UncheckedIOException e) {
                // A table we cannot read is no reason to give up: the bundled one is nearly as good.
            }
        }
        return bundled();
    }

    static DebianPackageMap bundled() {
        // Classes, not lambdas: this runs on every blocked install, where a first lambda costs milliseconds.
        return new DebianPackageMap(new SortedLines(DebianTableData.BY_NAME_FIRSTS) {
            @Override
            String part(int index) {
                return DebianTableData.byNamePart(index);
            }
        }, new SortedLines(DebianTableData.OTHERS_FIRSTS) {
            @Override
            String part(int index) {
                return DebianTableData.othersPart(index);
            }
        });
    }

    /**
     * Reads `name package` lines; `#` comments and anything after the second field (dh-python's version
     * constraints) are ignored. When two spellings of one name disagree the first wins, as in dh-python.
     */
    static DebianPackageMap parse(Reader reader) throws IOException {
        Map<String, String> byName = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            // Split by hand: a regex split per line costs tens of milliseconds over the whole table.
            int space = firstSpace(trimmed, 0);
            if (space > 0) {
                int start = space;
                while (start < trimmed.length() && Character.isWhitespace(trimmed.charAt(start))) {
                    start++;
                }
                int end = firstSpace(trimmed, start);
                if (start < trimmed.length()) {
                    byName.putIfAbsent(PypiName.normalize(trimmed.substring(0, space)),
                            trimmed.substring(start, end < 0 ? trimmed.length() : end));
                }
            }
        }
        return new DebianPackageMap(byName);
    }

    private static int firstSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The package Debian says ships a (normalized) name, or null when the table does not list it. */
    String packageFor(String normalizedName) {
        String override = OVERRIDES.get(normalizedName);
        if (override != null) {
            return override;
        }
        if (byName == null && bundled != null) {
            // A blocked install names a package or two: find their lines instead of parsing five thousand.
            return bundled.valueOf(normalizedName);
        }
        return byName().get(normalizedName);
    }

    /**
     * Whether the table gives a package to other projects only: then a package called python3-&lt;name&gt; is
     * not this name's, however well the name fits (python3-jwt is PyJWT's, not jwt's).
     */
    boolean belongsToOthers(String packageName, String normalizedName) {
        if (packageName.equals(OVERRIDES.get(normalizedName))) {
            return false;
        }
        Set<String> names = namesByPackage == null && bundled != null ? bundledNames(packageName)
                : namesByPackage().get(packageName);
        return names != null && !names.contains(normalizedName);
    }

    /**
     * The names whose line gives this package, from the bundled table without parsing it: those the table read
     * backwards lists, and &lt;name&gt; itself when its line gives python3-&lt;name&gt;.
     */
    private Set<String> bundledNames(String packageName) {
        Set<String> names = new HashSet<>(bundledOthers.valuesOf(packageName));
        if (packageName.startsWith("python3-")) {
            String own = packageName.substring("python3-".length());
            if (packageName.equals(bundled.valueOf(own))) {
                names.add(own);
            }
        }
        return names.isEmpty() ? null : names;
    }

    /** The names the table gives a package to, sorted; empty when it lists none. */
    List<String> namesShippedBy(String packageName) {
        List<String> names = new ArrayList<>(namesByPackage().getOrDefault(packageName, Set.of()));
        Collections.sort(names);
        return names;
    }

    int size() {
        return byName().size();
    }
}
