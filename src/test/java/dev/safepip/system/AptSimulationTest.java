package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * apt-get -s output as the real apt printed it on Debian 12 (captured with LC_ALL=C into src/test/resources/apt:
 * `apt-get -s remove python3-six`, `apt-get -s install python3-termcolor`, `apt-get -s install sysvinit-core`).
 */
class AptSimulationTest {

    private static String captured(String name) throws IOException {
        try (InputStream in = AptSimulationTest.class.getResourceAsStream("/apt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void removingSixAlsoRemovesWhatDependsOnIt() throws IOException {
        AptSimulation simulation = AptSimulation.parse(captured("remove-python3-six.txt"));
        assertEquals(List.of("software-properties-common", "python3-software-properties",
                "python3-lazr.restfulclient", "python3-six"), simulation.removed());
        assertEquals(List.of("software-properties-common", "python3-software-properties",
                "python3-lazr.restfulclient"), simulation.removedBeyond(List.of("python3-six")));
        // "no longer required" packages are only listed by apt, not removed: they are not counted.
        assertFalse(simulation.removed().contains("python3-distro"));
    }

    @Test
    void aPlainInstallRemovesNothing() throws IOException {
        AptSimulation simulation = AptSimulation.parse(captured("install-python3-termcolor.txt"));
        assertEquals(List.of(), simulation.removed());
        assertEquals(List.of("python3-termcolor"), simulation.installed());
    }

    @Test
    void anInstallThatRemovesSystemdSysvSaysSo() throws IOException {
        AptSimulation simulation = AptSimulation.parse(captured("install-sysvinit-core.txt"));
        assertTrue(simulation.removedBeyond(List.of()).contains("systemd-sysv"), simulation.toString());
        assertEquals(11, simulation.removed().size());
        assertTrue(simulation.installed().contains("sysvinit-core"));
    }

    @Test
    void multiarchSuffixesAndPurgesAreRead() {
        AptSimulation simulation = AptSimulation.parse("Purg libfoo1:i386 [1.0-1]\nRemv bar [2]\nConf baz (1 x)\n");
        assertEquals(List.of("libfoo1", "bar"), simulation.removed());
    }

    @Test
    void onlyDebianPackageNamesPass() {
        for (String good : List.of("python3-six", "python3-zope.interface", "libstdc++6", "g++")) {
            assertTrue(AptSimulation.isPackageName(good), good);
        }
        for (String bad : List.of("-y", "systemd*", "/usr/bin/x", "Python3-six", "a", "", "x y", "--purge",
                "python3-six;rm", ".hidden")) {
            assertFalse(AptSimulation.isPackageName(bad), bad);
        }
    }
}
