package dev.safepip.cli;

import picocli.CommandLine.Command;

/**
 * safepip's help, around what {@link OwnCommands} adds from {@link OwnWords}: the usage lines of its commands, and its
 * options (parsed by {@link InvocationParser}, on every pip call, without picocli; picocli only shows them).
 */
@Command(name = "safepip",
        synopsisHeading = "Usage: ",
        // One string per paragraph: picocli wraps them to the width (HelpWidth), never in mid-sentence.
        description = {"",
                "A drop-in wrapper for pip. Every pip command runs the real pip, unchanged. When an install is "
                        + "blocked because this Python is externally managed (PEP 668), safepip explains it and "
                        + "offers the ways out: a virtual environment, pipx, the system package manager, or "
                        + "(dangerous) --break-system-packages.", ""},
        optionListHeading = "safepip options (only before pip's command):%n",
        commandListHeading = "%nsafepip commands:%n",
        footer = {"",
                "Every other argument goes to pip: `safepip install requests`, `safepip list`. pip's own help: "
                        + "`safepip help`, `safepip install --help`; `safepip --version` is pip's version, "
                        + "`safepip doctor -V` safepip's.",
                "",
                "In your shell's profile (~/.bashrc): eval \"$(safepip init bash)\" makes pip install and pip "
                        + "uninstall go through safepip; see `safepip init --help`.",
                "",
                "Environment: SAFEPIP_VIA, SAFEPIP_VENV, SAFEPIP_YES, SAFEPIP_PIP (the real pip).",
                // $$ keeps picocli from reading ${…} as a variable of its own.
                "Config file: $${XDG_CONFIG_HOME:-~/.config}/safepip/config, `key = value` lines (via, venv, yes, "
                        + "prefer).",
                "Precedence: option, then environment, then config file, then default.",
                "Exit codes: pip's own (0, 1, 2, 3, 4, 23); a blocked install not redone: 1; safepip's errors: 64 "
                        + "usage, 69 nothing available, 70 internal, 130 interrupted."})
public final class SafepipCommand {
    /** The first usage line; one per command follows, from OwnWords. */
    static final String SYNOPSIS = "safepip [SAFEPIP OPTIONS] <pip command> [pip arguments…]";
}
