package dev.safepip.rescue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a wheel of an installed distribution holds, read from its RECORD: each file on disk and its name inside the
 * wheel. Files in the site folder keep their path; the .dist-info loses what pip writes anew on every install
 * (INSTALLER, RECORD, REQUESTED, direct_url.json) and the byte-code pip compiled; files outside it (RECORD's
 * `../../../bin/x`) go under `NAME-VER.data/scripts|headers|data`, except the console and gui scripts pip generated
 * from entry_points.txt, which pip makes again. When that cannot be done (no RECORD, a file gone), {@link #fallback}
 * says why and the package is installed again from the index instead.
 *
 * @param fileName  the wheel's file name (from the name, the version and the WHEEL file's tags)
 * @param entries   the files, site-folder ones first, the .dist-info last
 * @param fallback  why no wheel can be made of it, or null
 */
record InstalledFiles(String fileName, List<Entry> entries, String fallback) {
    private static final long MAX_RECORD = 16L << 20;
    /** What pip writes into a .dist-info itself when it installs. */
    private static final Set<String> WRITTEN_BY_INSTALLER = Set.of("INSTALLER", "RECORD", "REQUESTED",
            "direct_url.json");

    /**
     * @param name   its path inside the wheel
     * @param source the file on disk
     * @param hash   RECORD's "algorithm=digest", or "" when RECORD has none for it
     * @param script whether pip must make it executable (a .data/scripts file)
     */
    record Entry(String name, Path source, String hash, boolean script) {
    }

    static InstalledFiles of(Stray stray) {
        Path distInfo = stray.distInfo();
        String infoName = distInfo.getFileName().toString();
        if (!infoName.endsWith(".dist-info")) {
            return fallback("it was installed without a RECORD (" + infoName + ")");
        }
        Path record = distInfo.resolve("RECORD");
        String text;
        String wheel;
        try {
            if (!Files.isRegularFile(record) || Files.size(record) > MAX_RECORD) {
                return fallback("its RECORD is missing");
            }
            text = Files.readString(record, StandardCharsets.UTF_8);
            Path wheelFile = distInfo.resolve("WHEEL");
            wheel = Files.isRegularFile(wheelFile) && Files.size(wheelFile) < 65536
                    ? Files.readString(wheelFile, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return fallback("its RECORD cannot be read");
        }
        String tags = wheel == null ? null : tags(wheel);
        if (tags == null) {
            return fallback("its WHEEL file is missing or names no tag");
        }
        Path site = stray.site().toAbsolutePath().normalize();
        // The install scheme's prefix: site folders are PREFIX/lib/pythonX.Y/site-packages (or dist-packages, or
        // Debian's lib/python3/dist-packages), and scripts, headers and data live under PREFIX.
        Path lib = site.getParent() == null ? null : site.getParent().getParent();
        Path prefix = lib != null && lib.getFileName() != null && lib.getFileName().toString().startsWith("lib")
                ? lib.getParent() : null;
        Set<String> generated = new HashSet<>(stray.entryPoints());
        List<Entry> root = new ArrayList<>();
        List<Entry> data = new ArrayList<>();
        List<Entry> info = new ArrayList<>();
        String dataDir = escape(stray.name()) + "-" + stray.version().replace('-', '_') + ".data/";
        Set<String> seen = new HashSet<>();
        for (RecordCsv.Row row : RecordCsv.parse(text)) {
            Path file = (row.path().startsWith("/") ? Path.of(row.path()) : site.resolve(row.path())).normalize();
            if (!seen.add(file.toString())) {
                continue;
            }
            if (file.startsWith(site) && !file.equals(site)) {
                String inSite = site.relativize(file).toString();
                if (inSite.startsWith(infoName + "/")) {
                    if (!WRITTEN_BY_INSTALLER.contains(inSite.substring(infoName.length() + 1))) {
                        info.add(new Entry(inSite, file, row.hash(), false));
                    }
                } else if (!(row.hash().isEmpty() && inSite.endsWith(".pyc")
                        && (inSite.startsWith("__pycache__/") || inSite.contains("/__pycache__/")))) {
                    root.add(new Entry(inSite, file, row.hash(), false));
                }
                continue;
            }
            if (prefix == null || !file.startsWith(prefix)) {
                return fallback("its RECORD lists a file outside its prefix (" + row.path() + ")");
            }
            Path inPrefix = prefix.relativize(file);
            if (inPrefix.getNameCount() == 2 && inPrefix.getName(0).toString().equals("bin")) {
                String command = inPrefix.getName(1).toString();
                if (!generated.contains(command)) {
                    data.add(new Entry(dataDir + "scripts/" + command, file, row.hash(), true));
                }
            } else if (inPrefix.getNameCount() > 3 && inPrefix.getName(0).toString().equals("include")
                    && inPrefix.getName(1).toString().startsWith("python")) {
                // pip's headers folder is PREFIX/include/pythonX.Y/NAME.
                data.add(new Entry(dataDir + "headers/" + inPrefix.subpath(3, inPrefix.getNameCount()), file,
                        row.hash(), false));
            } else {
                data.add(new Entry(dataDir + "data/" + inPrefix, file, row.hash(), false));
            }
        }
        List<Entry> all = new ArrayList<>(root);
        all.addAll(data);
        all.addAll(info);
        boolean hasMetadata = false;
        for (Entry entry : all) {
            if (!Files.isRegularFile(entry.source())) {
                return fallback("its RECORD lists files that are gone (" + entry.source() + ")");
            }
            hasMetadata |= entry.name().equals(infoName + "/METADATA");
        }
        if (!hasMetadata) {
            return fallback("its RECORD does not list its METADATA");
        }
        return new InstalledFiles(escape(stray.name()) + "-" + stray.version().replace('-', '_') + "-" + tags
                + ".whl", List.copyOf(all), null);
    }

    private static InstalledFiles fallback(String why) {
        return new InstalledFiles(null, List.of(), why);
    }

    /** The file-name escape of a project name (the binary distribution format): runs of -_. become one _. */
    static String escape(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.';
            if (!separator) {
                out.append(Character.toLowerCase(c));
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The compressed tag set of a WHEEL file's `Tag:` lines (py2-none-any and py3-none-any are py2.py3-none-any), or
     * null when it has none.
     */
    static String tags(String wheel) {
        List<String> python = new ArrayList<>();
        List<String> abi = new ArrayList<>();
        List<String> platform = new ArrayList<>();
        for (String line : wheel.split("\n")) {
            if (!line.startsWith("Tag:")) {
                continue;
            }
            String[] parts = line.substring(4).strip().split("-");
            if (parts.length != 3) {
                return null;
            }
            addNew(python, parts[0]);
            addNew(abi, parts[1]);
            addNew(platform, parts[2]);
        }
        if (python.isEmpty()) {
            return null;
        }
        return String.join(".", python) + "-" + String.join(".", abi) + "-" + String.join(".", platform);
    }

    private static void addNew(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Whether a file on disk may be run (its mode in the wheel keeps that). */
    static boolean executable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(
                    java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
