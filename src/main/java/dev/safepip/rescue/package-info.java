/**
 * `safepip rescue`: finding what `sudo pip` and `--break-system-packages` left in the system Python
 * ({@code StrayFinder}); deciding once, before anything runs, where each belongs and every command, the check of the
 * new copy and the removal of the old ({@code MovePlanner}, a {@code Move}, shown by {@code MoveReport}); moving it
 * through the venv or pipx route exactly as planned and removing the old copy only once the new one works
 * ({@code Rescuer}); and `--undo`, planned the same way ({@code RescueUndo.Plan}) before it runs.
 *
 * <p>Never here: a second way to install; rescue runs the routes of {@code route/}.
 *
 * <p>May use: core, ledger, pip, plan, process, python, route, system, ui.
 */
package dev.safepip.rescue;
