/**
 * The executors: one {@code RouteExecutor} per way out ({@code VenvInstaller}, {@code PipxInstaller},
 * {@code CommandRouteRunner} for apt and --break-system-packages) runs exactly the commands of the plan it is given,
 * and {@code LedgerWriter} records them. An uninstall of what safepip installed is planned once
 * ({@code UninstallPlanner}, a {@code plan/UninstallPlan}) and run as planned ({@code UninstallExecutor}).
 *
 * <p>Before a recorded or chosen venv, pipx home or state file is used it is checked again ({@code VenvTrust},
 * {@code RecordedPlace}, {@code core/Ownership}); nothing is run or removed that safepip did not make.
 *
 * <p>May use: core, ledger, pip, plan, process, python, shell (whether commands are on PATH, the profile offer), system, ui.
 */
package dev.safepip.route;
