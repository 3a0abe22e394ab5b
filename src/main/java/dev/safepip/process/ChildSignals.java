package dev.safepip.process;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While safepip runs a child (pip, venv, pipx), the terminal's Ctrl-C (SIGINT) reaches the child and the JVM
 * alike: the JVM must not die of it, so the child decides what an interrupt means, and safepip then stops before
 * its next step and returns the child's status. A SIGTERM or SIGHUP sent to safepip alone is passed on.
 */
public final class ChildSignals {
    private static volatile Process current;
    private static volatile boolean interrupted;
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
        return interrupted;
    }

    private static final class Handler implements SignalHandler {
        @Override
        public void handle(Signal signal) {
            interrupted = true;
            Process child = current;
            // Ctrl-C reached the child from the terminal already; TERM and HUP sent to safepip alone are passed on.
            if (child != null && !"INT".equals(signal.getName())) {
                child.destroy();
            }
        }
    }
}
