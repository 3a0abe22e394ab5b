package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.safepip.pip.Requirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagerCommandsTest {
    private static final List<String> NAMES = List.of("requests", "PyYAML", "Pillow", "beautifulsoup4",
            "scikit-learn", "python-dateutil", "ruamel.yaml", "Flask_SQLAlchemy", "attrs", "black");

    private static List<String> packagesFor(PackageManager manager) {
        List<String> packages = new ArrayList<>();
        for (String name : NAMES) {
            packages.add(manager.packageFor(name));
        }
        return packages;
    }

    @Test
    void dnfAsksForWhatProvidesTheNormalizedName() {
        NamingRule dnf = NamingRule.DNF;
        List<String> packages = packagesFor(dnf);
        assertEquals(List.of("python3dist(requests)", "python3dist(pyyaml)", "python3dist(pillow)",
                "python3dist(beautifulsoup4)", "python3dist(scikit-learn)", "python3dist(python-dateutil)",
                "python3dist(ruamel-yaml)", "python3dist(flask-sqlalchemy)", "python3dist(attrs)",
                "python3dist(black)"), packages);
        assertEquals(concat(List.of("sudo", "dnf", "install"), packages), dnf.installCommand(packages, false));
        assertEquals(concat(List.of("dnf", "install"), packages), dnf.installCommand(packages, true));
        assertEquals(concat(List.of("sudo", "dnf", "remove"), packages), dnf.removeCommand(packages, false));
        assertEquals(concat(List.of("dnf", "remove"), packages), dnf.removeCommand(packages, true));
    }

    @Test
    void pacmanUsesPythonDash() {
        NamingRule pacman = NamingRule.PACMAN;
        List<String> packages = packagesFor(pacman);
        assertEquals(List.of("python-requests", "python-yaml", "python-pillow", "python-beautifulsoup4",
                "python-scikit-learn", "python-dateutil", "python-ruamel-yaml", "python-flask-sqlalchemy",
                "python-attrs", "python-black"), packages);
        assertEquals(concat(List.of("sudo", "pacman", "-S"), packages), pacman.installCommand(packages, false));
        assertEquals(concat(List.of("pacman", "-S"), packages), pacman.installCommand(packages, true));
        assertEquals(concat(List.of("sudo", "pacman", "-R"), packages), pacman.removeCommand(packages, false));
        assertEquals(concat(List.of("pacman", "-R"), packages), pacman.removeCommand(packages, true));
    }

    @Test
    void apkUsesPy3Dash() {
        NamingRule apk = NamingRule.APK;
        List<String> packages = packagesFor(apk);
        assertEquals(List.of("py3-requests", "py3-yaml", "py3-pillow", "py3-beautifulsoup4", "py3-scikit-learn",
                "py3-dateutil", "py3-ruamel-yaml", "py3-flask-sqlalchemy", "py3-attrs", "py3-black"), packages);
        assertEquals(concat(List.of("sudo", "apk", "add"), packages), apk.installCommand(packages, false));
        assertEquals(concat(List.of("apk", "add"), packages), apk.installCommand(packages, true));
        assertEquals(concat(List.of("sudo", "apk", "del"), packages), apk.removeCommand(packages, false));
        assertEquals(concat(List.of("apk", "del"), packages), apk.removeCommand(packages, true));
    }

    @Test
    void brewNeverUsesSudo() {
        NamingRule brew = NamingRule.BREW;
        List<String> packages = packagesFor(brew);
        assertEquals(List.of("requests", "pyyaml", "pillow", "beautifulsoup4", "scikit-learn", "python-dateutil",
                "ruamel-yaml", "flask-sqlalchemy", "attrs", "black"), packages);
        for (boolean root : new boolean[] {true, false}) {
            assertEquals(concat(List.of("brew", "install"), packages), brew.installCommand(packages, root));
            assertEquals(concat(List.of("brew", "uninstall"), packages), brew.removeCommand(packages, root));
        }
    }

    @Test
    void aptCommandsNeedNoProcess() {
        Apt apt = new Apt(null, System.getenv());
        // -y: safepip asks its one question itself, after apt-get -s; apt must not ask a second one.
        assertEquals(List.of("sudo", "apt-get", "install", "-y", "python3-bs4", "python3-yaml"),
                apt.installCommand(List.of("python3-bs4", "python3-yaml"), false));
        assertEquals(List.of("apt-get", "remove", "-y", "python3-bs4"),
                apt.removeCommand(List.of("python3-bs4"), true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dnf", "pacman", "apk", "brew"})
    void othersCannotCheckVersionsAndResolveByRuleOnly(String which) {
        PackageManager manager = switch (which) {
            case "dnf" -> NamingRule.DNF;
            case "pacman" -> NamingRule.PACMAN;
            case "apk" -> NamingRule.APK;
            default -> NamingRule.BREW;
        };
        assertEquals(which, manager.name());
        assertFalse(manager.canCheckVersions());
        List<SystemPackage> found = manager.resolve(List.of(Requirement.parse("PyYAML>=6"),
                Requirement.parse("./here")), null);
        assertEquals(manager.packageFor("PyYAML"), found.get(0).packageName());
        assertNull(found.get(0).version());
        assertNull(found.get(0).problem());
        assertEquals("./here is not a package name; " + which + " installs packages by name", found.get(1).problem());
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
