/**
 * What users read: the console (colour only on a terminal, jansi), the blocked report, the menu, and
 * {@code Sanitizer}, which every text from outside (marker, metadata, package names, pip's words) passes before it
 * is printed, so no escape sequence reaches the terminal.
 *
 * <p>Never here: decisions; the report renders a plan it is given.
 *
 * <p>May use: core, pip, plan, python, system (the facts it renders: a dev container's file).
 */
package dev.safepip.ui;
