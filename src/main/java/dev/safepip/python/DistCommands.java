package dev.safepip.python;

import dev.safepip.core.BoundedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands an installed distribution put in its environment's bin folder, by name: the console and gui scripts
 * of its entry_points.txt, and the files its RECORD lists in bin (a wheel's `.data/scripts`, which have no entry
 * point). Read as data: a name with a slash, a dot-name or a control character is no command and is left out.
 * Plain loops: this runs after a blocked install.
 */
public final class DistCommands {
    /** A RECORD larger than this (a package of hundreds of thousands of files) is not read for scripts. */
    private static final int MAX_FILE = 4 << 20;

    private DistCommands() {
    }

    /** The command names, each once, entry points first; none when nothing can be read. */
    public static List<String> of(Path distInfo) {
        List<String> names = new ArrayList<>();
        boolean inScripts = false;
        for (String raw : lines(distInfo.resolve("entry_points.txt"))) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inScripts = line.equals("[console_scripts]") || line.equals("[gui_scripts]");
            } else if (inScripts && line.indexOf('=') > 0 && !line.startsWith("#") && !line.startsWith(";")) {
                add(names, line.substring(0, line.indexOf('=')).strip());
            }
        }
        for (String line : lines(distInfo.resolve("RECORD"))) {
            // RECORD paths are relative to the site folder: ../../../bin/NAME (a quoted path has a comma in it).
            String file = line.startsWith("\"") ? "" : line.substring(0, Math.max(0, line.indexOf(',')));
            int slash = file.lastIndexOf('/');
            if (file.startsWith("../") && slash > 3 && file.substring(0, slash).endsWith("/bin")) {
                add(names, file.substring(slash + 1));
            }
        }
        return names;
    }

    private static void add(List<String> names, String name) {
        if (name.isEmpty() || name.startsWith(".") || names.contains(name)) {
            return;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return;
            }
        }
        names.add(name);
    }

    private static List<String> lines(Path file) {
        try {
            return BoundedFile.lines(file, MAX_FILE);
        } catch (IOException e) {
            return List.of();
        }
    }
}
