/**
 * safepip's own commands: `where`, `doctor`, `rescue`, `init`, `--version` and help, parsed from the argv that
 * {@code run/Safepip} hands over when the first word is one of safepip's own. Their words (names, options, summaries)
 * are listed once, in {@code OwnWords}, which the launcher's rule, help, completion and the parser all read.
 *
 * <p>Each command reads its facts through the packages below it and prints through {@code ui/Console}; it starts
 * no process itself ({@code process/} does). Never here: anything on the path of a pip command, which is
 * {@code run/}'s.
 *
 * <p>May use: config, core, ledger, pip, plan, process, python, rescue, route, shell, system, ui.
 */
package dev.safepip.cli;
