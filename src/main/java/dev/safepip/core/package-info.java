/**
 * What every other package stands on: {@code World} (the environment, working folder, home and streams as one
 * value, so that tests pass their own), the one exception type {@code SafepipException} with its exit code and
 * hint, the exit codes, safepip's own paths, bounded reads, and the trust checks ({@code Ownership},
 * {@code StateFiles}: who owns a folder or file and who may write it, never writing through a link).
 *
 * <p>Never here: knowledge of pip, Python, routes or any package manager.
 *
 * <p>May use: process.
 */
package dev.safepip.core;
