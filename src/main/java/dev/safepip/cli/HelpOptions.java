package dev.safepip.cli;

import picocli.CommandLine.Option;

/** -h/--help and -V/--version for each of safepip's own commands, worded as pip words them. */
public final class HelpOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = OwnWords.HELP_SUMMARY)
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show safepip's version and exit.")
    boolean version;
}
