package dev.safepip.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** safepip's own version, written into the jar by the build. */
public final class Version {
    private Version() {
    }

    public static String get() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/safepip/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
