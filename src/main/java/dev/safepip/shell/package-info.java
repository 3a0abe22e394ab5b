/**
 * `safepip init SHELL`: the shell functions, completion and PATH lines for bash, zsh and fish, as text.
 *
 * <p>Never here: writing a profile or starting a shell.
 *
 * <p>May use: core.
 */
package dev.safepip.shell;
