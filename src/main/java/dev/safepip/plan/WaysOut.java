package dev.safepip.plan;

import dev.safepip.pip.PipExecutable;
import java.nio.file.Path;
import java.util.List;

/** Lists every way out of a blocked install, in the order they are offered: venv, pipx, apt, break. */
public final class WaysOut {
    private WaysOut() {
    }

    /**
     * @param python the interpreter that owns the blocked pip (the venv is made with it)
     * @param pipx   pipx's path, or null when it is not installed
     * @param aptGet apt-get's path, or null when this is not a Debian-like system
     * @param root   whether safepip runs as root (then apt needs no sudo)
     */
    public static List<Route> all(BlockedCommand blocked, PipExecutable pip, Path python, VenvChoice venv,
                                  String pipx, String aptGet, boolean root) {
        if (!blocked.isInstall()) {
            return List.of(new SystemRoute(blocked, aptGet, root), new BreakRoute(pip, blocked));
        }
        return List.of(new VenvRoute(python, venv, blocked), new PipxRoute(blocked, pipx),
                new SystemRoute(blocked, aptGet, root), new BreakRoute(pip, blocked));
    }
}
