package dev.safepip.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `rescue` says of the distribution's copy: "shadows" only when that copy is installed. */
class ShadowsTest {
    @Test
    void anInstalledCopyIsShadowed() {
        Shadows.Shadow shadow = new Shadows.Shadow("python3-tabulate", "0.8.9",
                Path.of("/usr/lib/python3/dist-packages/tabulate-0.8.9.egg-info"), "0.8.9-1");
        assertEquals("shadows:   python3-tabulate 0.8.9 (installed, /usr/lib/python3/dist-packages); apt offers 0.8.9-1",
                shadow.label() + shadow.describe());
    }

    @Test
    void aCopyAptOnlyOffersIsNotCalledShadowed() {
        Shadows.Shadow shadow = new Shadows.Shadow("python3-tabulate", null, null, "0.9.0-1");
        assertEquals("apt has:   python3-tabulate 0.9.0-1 (not installed)", shadow.label() + shadow.describe());
    }
}
