/**
 * `safepip init SHELL`: the shell functions, completion and PATH lines for bash, zsh and fish, as text; whether
 * a folder is on PATH ({@code OnPath}); the one edit of a profile line safepip makes ({@code ShellProfile}: only
 * after a yes, only a profile the user owns that no one else may write, written by rename, never through a link).
 *
 * <p>Never here: starting a shell, or any other write to a profile.
 *
 * <p>May use: core, process (SearchPath: PATH read the way commands are found).
 */
package dev.safepip.shell;
