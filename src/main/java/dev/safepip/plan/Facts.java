package dev.safepip.plan;

import dev.safepip.pip.PipExecutable;
import dev.safepip.system.DevContainer;
import dev.safepip.system.PackageManager;
import dev.safepip.system.SystemPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the ways out are built from.
 *
 * @param python          the interpreter that owns the blocked pip
 * @param venvUnavailable why the venv route cannot be taken (running under sudo), or null
 * @param pipx            pipx's path, or null when not installed
 * @param manager         the system's package manager, or null
 * @param systemPackages  the requirements as the manager's packages (checked when it could be asked)
 * @param kinds           application or library, by normalized name; empty when not looked at
 * @param inject          the pipx application to inject into, or null
 * @param pipxHome        where pipx keeps its environments (asked of pipx itself when it is there)
 * @param pipxBinDir      where pipx puts commands
 * @param pipxApps        the applications pipx has now, by normalized name
 * @param ensurepip       the interpreter can put pip into a new venv (on Debian: python3-venv is installed)
 * @param container       safepip runs in a container (/.dockerenv, /run/.containerenv): the Dockerfile is the fix
 * @param ownPipxVenv     where safepip would install pipx for itself when apt cannot
 * @param root            running as root: no sudo needed
 * @param assumeYes       the user said --yes: package managers are not to ask again
 * @param devContainer    the dev container safepip runs in or the project defines (its devcontainer.json is the fix),
 *                        or null
 */
public record Facts(BlockedCommand blocked, PipExecutable pip, Path python, VenvChoice venv, String venvUnavailable,
                    Path pipx, Path aptGet, PackageManager manager,
                    List<SystemPackage> systemPackages, Map<String, AppKind> kinds, String inject, String pipxHome,
                    String pipxBinDir, java.util.Set<String> pipxApps, boolean ensurepip, boolean container,
                    Path ownPipxVenv, boolean root, boolean assumeYes, DevContainer devContainer) {
}
