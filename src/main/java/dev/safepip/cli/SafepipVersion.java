package dev.safepip.cli;

import dev.safepip.core.Version;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.IVersionProvider;

/** `safepip where -V`: like `pip -V`, the version, where it runs from, and on what. */
public final class SafepipVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String from;
        try {
            from = Path.of(SafepipVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            from = "an unknown place";
        }
        return new String[] {"safepip " + Version.get() + " from " + from + " (java "
                + System.getProperty("java.version") + ")"};
    }
}
