package dev.safepip.process;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While safepip runs a child (pip, venv, pipx), the terminal's Ctrl-C (SIGINT) reaches the child and the JVM
 * alike: the JVM must not die of it, so the child decides what an interrupt means, and safepip then stops before
 * its next step, cleans up, and returns 128 + the signal's number, as a shell reports a process a signal ended. A
 * SIGTERM or SIGHUP sent to safepip alone is passed on to the child.
 */
public final class ChildSignals {
    private static volatile Process current;
    /** The number of the first stopping signal received, 0 while none was. */
    private static volatile int signal;
    private static volatile boolean installed;

    private ChildSignals() {
    }

    /** From now on, interrupts are recorded instead of ending the JVM. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        // A named handler, not a lambda: the first lambda of a run costs milliseconds of startup.
        Handler handler = new Handler();
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("HUP"), handler);
        installed = true;
    }

    /** Installs the handlers and remembers the child to pass SIGTERM on to. */
    public static void shieldFrom(Process child) {
        install();
        current = child;
    }

    /** Whether the user pressed Ctrl-C (or safepip was told to stop) since the handlers were installed. */
    public static boolean interrupted() {
        return signal != 0;
    }

    /** The exit status for a run a signal stopped: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP. */
    public static int exitStatus() {
        return 128 + (signal == 0 ? 2 : signal);
    }

    /**
     * Whether a child that ended with status exit was stopped by a signal that safepip got too. A signal sent to
     * the whole process group reaches the child and the JVM at once, but the JVM runs its handler on a thread of
     * its own: the child's end can be seen first, so wait a moment for the handler before saying no.
     */
    public static boolean stoppedWithChild(int exit) {
        // A child that dies of the signal reports 128 + N; one that catches it (Python's KeyboardInterrupt in a
        // grandchild) may report anything, so a failed child always gets a short wait.
        boolean bySignal = exit == 129 || exit == 130 || exit == 143;
        long deadline = System.nanoTime() + (bySignal ? 1_000_000_000L : 150_000_000L);
        while (!interrupted() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return interrupted();
    }

    private static final class Handler implements SignalHandler {
        @Override
        public void handle(Signal received) {
            if (signal == 0) {
                signal = received.getNumber();
            }
            Process child = current;
            // Ctrl-C reached the child from the terminal already; TERM and HUP sent to safepip alone are passed on.
            if (child != null && !"INT".equals(received.getName())) {
                child.destroy();
            }
        }
    }
}
