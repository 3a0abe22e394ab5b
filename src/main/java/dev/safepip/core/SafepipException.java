package dev.safepip.core;

/**
 * safepip's own failure: one line for the user, an optional hint, and an exit code pip never uses, so scripts can
 * tell safepip's problems from pip's. Domain code throws it; only {@link Safepip} prints it.
 */
public final class SafepipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String hint;

    private SafepipException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** Bad words from the user: an option, an environment variable or a config line. */
    public static SafepipException usage(String message, String hint) {
        return new SafepipException(ExitCodes.USAGE, message, hint, null);
    }

    /** Something safepip needs is not there (no pip, no python3, no venv module). */
    public static SafepipException unavailable(String message, String hint) {
        return new SafepipException(ExitCodes.UNAVAILABLE, message, hint, null);
    }

    /** safepip itself went wrong, or would loop. */
    public static SafepipException internal(String message, String hint, Throwable cause) {
        return new SafepipException(ExitCodes.SOFTWARE, message, hint, cause);
    }

    /**
     * The real pip refused what safepip asked it on the user's behalf (a project or version the index does not
     * have): pip's own exit code, as if the user had run pip.
     */
    public static SafepipException fromPip(int pipExit, String message, String hint) {
        return new SafepipException(pipExit, message, hint, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }
}
