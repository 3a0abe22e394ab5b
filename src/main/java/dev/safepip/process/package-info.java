/**
 * The only code that starts processes: pip in the foreground with the terminal and signals passed through
 * ({@code PipRunner}, {@code ChildSignals}), helpers with captured output and a deadline ({@code CapturedCommand}),
 * Python helpers isolated from the working folder ({@code IsolatedPython}), argv passed byte for byte
 * ({@code ExactBytes}), and programs found on PATH skipping `.`, empty and relative entries
 * ({@code ProgramResolver}).
 *
 * <p>argv arrays only, never a shell string. Never here: what a command means.
 *
 * <p>May use: nothing of safepip's.
 */
package dev.safepip.process;
