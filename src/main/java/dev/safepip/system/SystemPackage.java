package dev.safepip.system;

/**
 * What a system package manager offers for one requirement of a blocked install.
 *
 * @param requirement the requirement as the user typed it
 * @param name        its project name, or null when it names none (a path, a URL)
 * @param packageName the system package that ships it, or null when there is none
 * @param version     that package's upstream version (for apt: Debian's with epoch, revision and repack suffixes
 *                    taken off), or null when the manager cannot be asked
 * @param problem     why this route cannot install the requirement, in words for the user, or null when it can
 */
public record SystemPackage(String requirement, String name, String packageName, String version, String problem) {

    public boolean offered() {
        return problem == null;
    }
}
