package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagersTest {
    private static final String DEBIAN = """
            To install Python packages system-wide, try apt install
            python3-xyz, where xyz is the package you are trying to
            install.

            If you wish to install a non-Debian-packaged Python package,
            create a virtual environment using python3 -m venv path/to/venv.""";
    private static final String ARCH = """
            To install Python packages system-wide, try 'pacman -S
            python-xyz', where xyz is the package you are trying to
            install. If you wish to install a non-Arch-packaged Python package,
            create a virtual environment using 'python -m venv path/to/venv'.""";
    private static final String HOMEBREW = """
            To install Python packages system-wide, try brew install
            xyz, where xyz is the package you are trying to
            install. If you wish to install a Python library that isn't in Homebrew,
            use a virtual environment. You can install pipx with brew install pipx""";
    private static final String ALPINE = """
            To install Python packages system-wide, try 'apk add py3-xyz', where xyz is the package you are
            trying to install. If you wish to install a non-Alpine-packaged Python package, use a venv.""";
    private static final String FEDORA = "Python packages of Fedora are installed with dnf.";

    @TempDir
    Path tmp;

    /** A PATH with fake (never run) executables for the tools given. */
    private SearchPath pathWith(String... tools) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin" + String.join("-", tools)));
        for (String tool : tools) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new SearchPath(bin.toString());
    }

    private static String detected(SearchPath path, String marker) {
        PackageManager manager = PackageManagers.detect(path, marker, Map.of());
        return manager == null ? null : manager.name();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            apt install python3-xyz,             apt
            non-Debian-packaged,                 apt
            Ubuntu ships this Python,            apt
            try 'pacman -S python-xyz',          pacman
            a non-Arch-packaged package,         pacman
            try 'apk add py3-xyz',               apk
            Alpine Linux,                        apk
            try brew install xyz,                brew
            isn't in Homebrew,                   brew
            dnf install python3-xyz,             dnf
            Fedora,                              dnf
            The Python environment is managed externally, -
            search for the right arch,           -
            a happy brewer,                      -
            """)
    void markerMentions(String text, String manager) {
        assertEquals(manager, PackageManagers.mentionedIn(text));
    }

    @Test
    void realMarkersNameTheirManagerFirst() {
        assertEquals("apt", PackageManagers.mentionedIn(DEBIAN));
        assertEquals("pacman", PackageManagers.mentionedIn(ARCH));
        assertEquals("brew", PackageManagers.mentionedIn(HOMEBREW));
        assertEquals("apk", PackageManagers.mentionedIn(ALPINE));
        assertEquals("dnf", PackageManagers.mentionedIn(FEDORA));
        assertNull(PackageManagers.mentionedIn(null));
    }

    @Test
    void theMarkerChoosesAmongInstalledManagers() throws IOException {
        SearchPath both = pathWith("apt-get", "apt-cache", "brew");
        assertEquals("apt", detected(both, DEBIAN));
        assertEquals("brew", detected(both, HOMEBREW));
        // Linuxbrew on Debian, marker naming nothing: the distribution's manager.
        assertEquals("apt", detected(both, null));
        assertEquals("apt", detected(both, "managed externally"));
    }

    @Test
    void aManagerTheMarkerNamesButPathLacksIsNotOffered() throws IOException {
        assertEquals("apt", detected(pathWith("apt-get"), ARCH));
        assertEquals("pacman", detected(pathWith("pacman"), DEBIAN));
        assertNull(detected(pathWith(), DEBIAN));
        assertNull(detected(new SearchPath(null), null));
    }

    @Test
    void eachManagerIsFoundByItsTool() throws IOException {
        assertEquals("dnf", detected(pathWith("dnf"), null));
        assertEquals("pacman", detected(pathWith("pacman"), null));
        assertEquals("apk", detected(pathWith("apk"), null));
        assertEquals("brew", detected(pathWith("brew"), null));
        assertEquals("apt", detected(pathWith("apt-get"), null));
        assertEquals("dnf", detected(pathWith("apt-get", "dnf"), FEDORA));
    }

    @Test
    void aptGetsTheAptCacheBesideIt() throws IOException {
        Apt apt = (Apt) PackageManagers.detect(pathWith("apt-get", "apt-cache"), DEBIAN, Map.of());
        assertEquals(true, apt.canCheckVersions());
        Apt blind = (Apt) PackageManagers.detect(pathWith("apt-get"), DEBIAN, Map.of());
        assertEquals(false, blind.canCheckVersions());
    }
}
