package dev.safepip.plan;

import java.util.ArrayList;
import java.util.List;

/** Lists every way out of a blocked install, in the order they are offered: venv, pipx, apt, break. */
public final class WaysOut {
    private WaysOut() {
    }

    public static List<Route> all(Facts facts) {
        BlockedCommand blocked = facts.blocked();
        SystemRoute system = new SystemRoute(blocked, facts.manager(), facts.systemPackages(), facts.root(),
                facts.assumeYes());
        BreakRoute breaking = new BreakRoute(facts.pip(), blocked);
        if (!blocked.isInstall()) {
            return List.of(system, breaking);
        }
        return List.of(VenvRoute.planned(facts.python(), facts.venv(), blocked, facts.venvUnavailable(),
                facts.pip().argv(List.of()), facts.ensurepip()), pipx(facts), system, breaking);
    }

    private static PipxRoute pipx(Facts facts) {
        List<List<String>> bootstrap = new ArrayList<>();
        String pipx;
        if (facts.pipx() != null) {
            pipx = facts.pipx().toString();
        } else if (facts.aptGet() != null) {
            List<String> install = new ArrayList<>();
            if (!facts.root()) {
                install.add("sudo");
            }
            // Without recommends: pipx itself is a few hundred KB; its recommends pull 65 packages, 131 MB.
            install.addAll(List.of("apt-get", "install", "--no-install-recommends"));
            if (facts.assumeYes()) {
                install.add("-y");
            }
            install.add("pipx");
            bootstrap.add(install);
            pipx = "/usr/bin/pipx";
        } else {
            // No pipx and no apt: a venv of safepip's own holds pipx.
            bootstrap.add(List.of(facts.python().toString(), "-m", "venv", facts.ownPipxVenv().toString()));
            bootstrap.add(List.of(facts.ownPipxVenv().resolve("bin/pip").toString(), "install", "pipx"));
            pipx = facts.ownPipxVenv().resolve("bin/pipx").toString();
        }
        return new PipxRoute(facts.blocked(), pipx, bootstrap, facts.python().toString(), facts.kinds(),
                facts.inject(), facts.pipxBinDir(), facts.pipxApps());
    }
}
