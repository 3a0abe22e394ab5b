package dev.safepip;

import dev.safepip.core.World;
import dev.safepip.run.Safepip;

/** Builds the world from the process and hands over; the only place that calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        World world = World.fromProcess();
        String training = System.getProperty("safepip.training");
        if (training != null) {
            Training.warmUp(java.nio.file.Path.of(training), world);
        }
        System.exit(new Safepip(world).run(args));
    }
}
