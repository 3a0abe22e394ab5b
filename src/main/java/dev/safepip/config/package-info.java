/**
 * The user's settings: safepip's config file, its environment variables and the wrapper options (`--via`, `--yes`,
 * `--plan`, `--venv`) taken off pip's argv, merged in one order of precedence by {@code SettingsResolver}.
 *
 * <p>A damaged config file is one {@code SafepipException}, never a default silently used. Never here: decisions
 * about routes (those are {@code plan/}'s) or any file system write.
 *
 * <p>May use: core.
 */
package dev.safepip.config;
