package dev.safepip.run;

/**
 * One piece of a blocked install's planning that runs while another waits (pip's look, apt's answer, pipx's
 * folders), in a plain thread: the blocked path loads no future, pool or lambda (ColdPathIT), each of which costs
 * milliseconds to start in a cold JVM. Its result, or what it threw, is handed over once, in the waiting thread.
 */
abstract class Beside<T> extends Thread {
    private T value;
    private RuntimeException failure;
    private Error error;

    Beside(String name) {
        super(name);
        // safepip halts when done; a daemon never holds the JVM up should it ever exit the ordinary way.
        setDaemon(true);
    }

    /** The work, in this thread. */
    abstract T compute();

    @Override
    public final void run() {
        try {
            value = compute();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            error = e;
        }
    }

    /** Starts the work and returns this, so that a field can hold it in one line. */
    final Beside<T> begin() {
        start();
        return this;
    }

    /** Waits for the work; what it threw is thrown here, where the caller can answer it. */
    final T result() {
        boolean interrupted = false;
        while (true) {
            try {
                join();
                break;
            } catch (InterruptedException e) {
                // The answer is still needed: keep waiting, and leave the flag set for whoever asks next.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw error;
        }
        return value;
    }
}
