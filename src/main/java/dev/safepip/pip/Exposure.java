package dev.safepip.pip;

/** How a pip command line stands towards pip's PEP 668 check. */
public enum Exposure {
    /** pip never checks it (another command, help, version, --target, --break-system-packages…). */
    NONE,
    /** pip will check it: on an externally managed Python it is refused. */
    CHECKED,
    /** pip may check it, but something only pip can judge comes first (an unknown option, a config override). */
    MAYBE
}
