package dev.safepip.system;

import java.util.List;

/**
 * Homebrew (macOS, and Linuxbrew). Formulae are named after the project, and few Python libraries have one: it
 * mostly helps with applications (black, httpie, ansible). Never under sudo, whatever the user: Homebrew refuses
 * to run as root. Command construction only: there is no brew where safepip is tested.
 */
public record Brew() implements PackageManager {

    @Override
    public String name() {
        return "brew";
    }

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(false, List.of("brew", "install"), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(false, List.of("brew", "uninstall"), packages);
    }

    @Override
    public String packageFor(String pypiName) {
        String name = PypiName.normalize(pypiName);
        return PypiName.plain(name) ? name : null;
    }

    @Override
    public boolean canCheckVersions() {
        return false;
    }
}
