/**
 * safepip, a drop-in wrapper for pip that redoes a PEP 668-blocked install through a venv, pipx or the system package
 * manager. {@code Main} builds the {@code core/World} and hands the argv to {@code run/Safepip}; each subpackage's
 * package-info says what it is for and which packages it may use ({@code PackageInfoTest} holds them to it).
 *
 * <p>May use: core, process (to end the helpers it started), run.
 */
package dev.safepip;
