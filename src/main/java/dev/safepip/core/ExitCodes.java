package dev.safepip.core;

/**
 * safepip's exit codes. pip's own codes (0 success, 1 error, 2 usage or unknown error, 3 virtualenv required,
 * 4 previous build dir, 23 no matches) pass through untouched; safepip's own failures use sysexits codes, which
 * pip never uses. The README documents them.
 */
public final class ExitCodes {
    /** A blocked install that safepip did not redo: exactly what pip itself would return. */
    public static final int BLOCKED = 1;
    /** EX_USAGE: a bad wrapper option, environment variable or config line. */
    public static final int USAGE = 64;
    /** EX_UNAVAILABLE: nothing to run (no pip, no interpreter, no way out available). */
    public static final int UNAVAILABLE = 69;
    /** EX_SOFTWARE: safepip's own fault, including a safepip → pip → safepip loop. */
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
