package dev.safepip.pip;

/**
 * Which pip command lines meet pip's PEP 668 check, mirroring pip's own rules (commands/install.py and
 * commands/uninstall.py): only install and uninstall; install exempts --target, --prefix, --root and
 * --dry-run with --report; both are overridden by --break-system-packages.
 */
public final class Pep668Rules {
    private Pep668Rules() {
    }

    public static Exposure classify(PipCommandLine line) {
        boolean install = line.isCommand("install");
        if (!install && !line.isCommand("uninstall")) {
            return Exposure.NONE;
        }
        // Help is answered by the parser anywhere; --version only by the main parser, before the command.
        if (line.has("--help") || line.hasGeneral("--version")) {
            return Exposure.NONE;
        }
        if (!line.understood()) {
            return Exposure.MAYBE;
        }
        if (line.has("--break-system-packages")) {
            return Exposure.NONE;
        }
        if (install && (line.has("--target") || line.has("--prefix") || line.has("--root")
                || line.has("--dry-run") && hasReportFile(line))) {
            return Exposure.NONE;
        }
        // --python re-runs pip under another interpreter; --require-virtualenv fails before the check.
        if (line.has("--python") || line.has("--require-virtualenv")) {
            return Exposure.MAYBE;
        }
        boolean named = !line.positionals().isEmpty();
        if (install) {
            // pip checks before it looks for requirements, but with none the user needs pip's own words.
            return named || line.has("--requirement") || line.has("--editable") ? Exposure.CHECKED : Exposure.MAYBE;
        }
        // uninstall reads its requirement files and needs a name before it checks.
        return named && !line.has("--requirement") ? Exposure.CHECKED : Exposure.MAYBE;
    }

    /** pip exempts a dry run only when the report goes somewhere: an empty file name is false to Python. */
    private static boolean hasReportFile(PipCommandLine line) {
        for (String value : line.values("--report")) {
            if (value != null && !value.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
