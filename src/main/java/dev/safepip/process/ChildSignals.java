package dev.safepip.process;

import sun.misc.Signal;

/**
 * While pip runs, the terminal's Ctrl-C (SIGINT) reaches pip and the JVM alike: the JVM must not die of it, so pip
 * decides what an interrupt means and safepip then returns pip's exit status. A SIGTERM sent to safepip alone is
 * passed on to pip.
 */
public final class ChildSignals {
    private ChildSignals() {
    }

    public static void shieldFrom(Process child) {
        Signal.handle(new Signal("INT"), signal -> { });
        Signal.handle(new Signal("TERM"), signal -> child.destroy());
        Signal.handle(new Signal("HUP"), signal -> child.destroy());
    }
}
