/**
 * The system's package managers: which one there is ({@code PackageManagers}), which of its packages holds a PyPI
 * project ({@code DebianPackageMap}, {@code DebianResolver}, one apt-cache call for all names), whether its version
 * fits the request ({@code VersionCheck}), what apt would do ({@code AptSimulation}), and the marker's integrity.
 *
 * <p>System tools are run by absolute path through {@code process/}. Never here: output to the user.
 *
 * <p>May use: core, pip, process, python.
 */
package dev.safepip.system;
