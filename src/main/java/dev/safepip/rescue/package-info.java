/**
 * `safepip rescue`: finding what `sudo pip` and `--break-system-packages` left in the system Python
 * ({@code StrayFinder}), deciding where each belongs, moving it through the venv or pipx route and removing the
 * old copy only once the new one works ({@code Rescuer}), and `--undo` ({@code RescueUndo}).
 *
 * <p>Never here: a second way to install; rescue runs the routes of {@code route/}.
 *
 * <p>May use: core, ledger, pip, plan, process, python, route, system, ui.
 */
package dev.safepip.rescue;
