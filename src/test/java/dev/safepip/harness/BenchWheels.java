package dev.safepip.harness;

import java.nio.file.Path;

/**
 * The wheels scripts/bench looks at: two applications alike but for their size (1 MB and 250 MB of incompressible
 * payload, as a bundled model or binary makes real wheels big). Usage: {@code BenchWheels DIR}.
 */
public final class BenchWheels {
    private BenchWheels() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (String[] wheel : new String[][] {{"look-small", "1000000"}, {"look-big", "250000000"}}) {
            String module = wheel[0].replace('-', '_');
            WheelBuilder.of(wheel[0], "1.0").module(module, "def main(): pass\n")
                    .consoleScript(wheel[0], module + ":main").classifier("Environment :: Console")
                    .payload(module + "/payload.bin", Long.parseLong(wheel[1])).build(dir);
        }
    }
}
