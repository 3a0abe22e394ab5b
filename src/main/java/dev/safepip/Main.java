package dev.safepip;

/** Builds the world from the process and hands over; the only place that calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Safepip(World.fromProcess()).run(args));
    }
}
