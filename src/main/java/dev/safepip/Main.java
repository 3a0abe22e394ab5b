package dev.safepip;

import dev.safepip.core.World;
import dev.safepip.run.Safepip;

/** Builds the world from the process and hands over; the only place that ends the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        World world = World.fromProcess();
        String training = System.getProperty("safepip.training");
        if (training != null) {
            Training.warmUp(java.nio.file.Path.of(training), world);
        }
        // The bytes the user gave, not the JVM's decoding of them: pip gets each argument exactly as given.
        int code = new Safepip(world).run(dev.safepip.core.RawArgv.of(args));
        // Helpers beside the look that safepip no longer waits for (apt-cache) end with it, not minutes later.
        dev.safepip.process.CapturedCommand.endHelpers();
        if (training != null) {
            // The archive is written as the JVM exits: the ordinary way.
            System.exit(code);
        }
        // Halted, after flushing what was printed: safepip registers no shutdown hook, and from JDK 21 System.exit
        // starts the JDK's logging (to log Runtime.exit at debug level), milliseconds on every blocked install.
        world.out().flush();
        world.err().flush();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
