package dev.safepip.rescue;

import java.nio.file.Path;
import java.util.List;

/**
 * A distribution in the system Python that its distribution did not install: put there by `sudo pip install`,
 * `--break-system-packages` or `--user --break-system-packages`.
 *
 * @param name       its project name, as its metadata spells it
 * @param normalized the PEP 503 name
 * @param distInfo   its .dist-info (or .egg-info) folder
 * @param site       the folder it is installed in
 * @param installer  its INSTALLER ("pip", "uv"…), or null when it has none (unknown)
 * @param rootOwned  whether its files belong to root (removing them then needs sudo)
 * @param scripts    the commands it put in a bin folder (from its RECORD)
 * @param entryPoints the names of its console_scripts and gui_scripts
 * @param modules    the top-level modules it provides, for the import check of its new copy
 */
public record Stray(String name, String normalized, String version, Path distInfo, Path site, Scope scope,
                    String installer, boolean rootOwned, List<Path> scripts, List<String> entryPoints,
                    List<String> modules) {

    /** Where it was installed: the user's own site folder, or system-wide. */
    public enum Scope { USER, SYSTEM }

    /** Where it belongs instead. */
    public enum Kind { APPLICATION, LIBRARY }

    public Kind kind() {
        return AppOrLibrary.of(this);
    }

    public String requirement() {
        return name + "==" + version;
    }
}
