package dev.safepip.route;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where pipx keeps its environments and puts its commands, asked of pipx itself (`pipx environment`): its default
 * changed between versions (Debian 12's pipx 1.1.0 uses ~/.local/pipx, later ones ~/.local/share/pipx unless the old
 * folder exists), and only pipx knows which one it uses. Without pipx, PIPX_HOME / PIPX_BIN_DIR or the default of
 * the pipx that would be installed.
 */
public record PipxEnvironment(Path home, Path bin) {

    /**
     * @param pipx        the pipx to ask, or null when it is not installed
     * @param debiansPipx without pipx, whether the one installed would be Debian's (apt is there)
     */
    public static PipxEnvironment of(Path pipx, Map<String, String> env, Path userHome, boolean debiansPipx) {
        return of(pipx, env, userHome, debiansPipx, null);
    }

    /**
     * The same, with pipx's answer kept in cacheDir (see {@link PipxAnswers}) for the next blocked install.
     *
     * @param cacheDir safepip's cache folder, or null to ask pipx every time
     */
    public static PipxEnvironment of(Path pipx, Map<String, String> env, Path userHome, boolean debiansPipx,
                                     Path cacheDir) {
        String home = nonEmpty(env.get("PIPX_HOME"));
        String bin = nonEmpty(env.get("PIPX_BIN_DIR"));
        PipxAnswers answers = pipx != null && cacheDir != null && (home == null || bin == null)
                ? PipxAnswers.of(cacheDir, pipx, env, userHome) : null;
        String[] kept = answers == null ? null : answers.read();
        if (kept != null) {
            home = home == null ? kept[0] : home;
            bin = bin == null ? kept[1] : bin;
        }
        if (pipx != null && (home == null || bin == null)) {
            String askedHome = null;
            String askedBin = null;
            try {
                CapturedCommand.Result result = CapturedCommand.runBeside(List.of(pipx.toString(), "environment"),
                        env, Path.of("/"), Duration.ofSeconds(20));
                for (String line : result.ok() ? result.stdout().split("\n") : new String[0]) {
                    if (askedHome == null && line.startsWith("PIPX_HOME=")) {
                        askedHome = nonEmpty(line.substring("PIPX_HOME=".length()).strip());
                    } else if (askedBin == null && line.startsWith("PIPX_BIN_DIR=")) {
                        askedBin = nonEmpty(line.substring("PIPX_BIN_DIR=".length()).strip());
                    }
                }
            } catch (IOException e) {
                // A pipx that does not start: the defaults below.
            }
            if (answers != null && askedHome != null && askedBin != null) {
                answers.write(askedHome, askedBin);
            }
            home = home == null ? askedHome : home;
            bin = bin == null ? askedBin : bin;
        }
        if (home == null) {
            Path legacy = userHome.resolve(".local/pipx");
            home = (debiansPipx || Files.isDirectory(legacy) ? legacy : userHome.resolve(".local/share/pipx"))
                    .toString();
        }
        if (bin == null) {
            bin = userHome.resolve(".local/bin").toString();
        }
        return new PipxEnvironment(Path.of(home).toAbsolutePath().normalize(), Path.of(bin));
    }

    /**
     * What pipx's children must be told so that they keep their things where this says, when safepip's own folders
     * are not the user's HOME (root under sudo -E: see World#ownHome): root's HOME, these folders and the XDG
     * folders under that HOME; nothing when HOME is safepip's own.
     */
    public Map<String, String> childChanges(dev.safepip.core.World world) {
        Path own = world.ownHome();
        if (own.equals(world.home()) && world.ownEnv() == world.env()) {
            return Map.of();
        }
        Map<String, String> changes = new java.util.HashMap<>();
        changes.put("HOME", own.toString());
        changes.put("PIPX_HOME", home.toString());
        changes.put("PIPX_BIN_DIR", bin.toString());
        changes.put("PIPX_SHARED_LIBS", home.resolve("shared").toString());
        changes.put("PIPX_MAN_DIR", own.resolve(".local/share/man").toString());
        changes.put("XDG_DATA_HOME", world.xdg("XDG_DATA_HOME", ".local/share").toString());
        changes.put("XDG_STATE_HOME", world.xdg("XDG_STATE_HOME", ".local/state").toString());
        changes.put("XDG_CACHE_HOME", world.xdg("XDG_CACHE_HOME", ".cache").toString());
        changes.put("XDG_CONFIG_HOME", world.xdg("XDG_CONFIG_HOME", ".config").toString());
        return changes;
    }

    /**
     * The applications pipx has whole, by the folder names of their environments (pipx names them by project). One
     * a pipx run left half-made is not among them: the plan installs it afresh, after the repair.
     */
    public Set<String> apps() {
        Set<String> apps = new HashSet<>();
        // java.io and a plain loop: this runs while a blocked install is planned.
        String[] venvs = home.resolve("venvs").toFile().list();
        for (String venv : venvs == null ? new String[0] : venvs) {
            String name = dev.safepip.python.DistInfo.normalize(venv);
            if (PipxAppState.of(venv(venv), name).whole()) {
                apps.add(name);
            }
        }
        return apps;
    }

    /** The environment of one application. */
    public Path venv(String normalizedName) {
        return home.resolve("venvs").resolve(normalizedName);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
