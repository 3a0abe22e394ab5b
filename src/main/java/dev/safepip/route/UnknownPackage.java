package dev.safepip.route;

import dev.safepip.core.World;
import dev.safepip.plan.UninstallPlan;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.SearchPath;
import dev.safepip.python.DistInfo;
import dev.safepip.python.Interpreter;
import dev.safepip.system.AptSimulation;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Says who installed a package safepip has no record of: Debian (then the apt command), or neither of them. */
final class UnknownPackage {
    private final World world;

    UnknownPackage(World world) {
        this.world = world;
    }

    /**
     * Looks a package safepip never installed up, when the uninstall is planned: its .dist-info in this Python's
     * system folders and, on a system with dpkg, the installed Debian package that owns it. Debian's table knows
     * `black`, but that says nothing about what is installed here.
     */
    UninstallPlan.Unknown find(String name, Interpreter interpreter) {
        Path distInfo = interpreter == null ? null
                : DistInfo.find(DistInfo.systemSiteDirs(interpreter.prefix(), interpreter.version()), name);
        SearchPath path = new SearchPath(world.getenv("PATH"));
        Path dpkg = path.find("dpkg");
        Path query = path.find("dpkg-query");
        boolean dpkgAsked = dpkg != null && query != null;
        String owner = distInfo == null || !dpkgAsked ? null : debianOwner(dpkg, query, distInfo);
        return new UninstallPlan.Unknown(name, distInfo == null ? null : distInfo.getParent().toString(),
                distInfo == null ? null : installer(distInfo), dpkgAsked, owner);
    }

    /** What was found: Debian's package (its command is in the ways out that follow), or neither of them. */
    static void explain(Console console, UninstallPlan.Unknown found) {
        if (found.debianOwner() != null) {
            console.say("safepip: " + found.name() + " was installed by Debian, in its package " + found.debianOwner()
                    + "; remove it with apt (below).");
            return;
        }
        console.say("safepip: neither safepip nor Debian installed " + found.name() + " here"
                + (found.distInfo() == null ? " (it is not in this Python's system folders)"
                : " (it is in " + found.distInfo() + ", installed by " + found.installer() + ")")
                + "; pip may not remove it from this Python.");
    }

    private static String installer(Path distInfo) {
        String installer = DistInfo.installer(distInfo);
        return installer == null || installer.isEmpty() ? "an unknown tool" : installer;
    }

    /**
     * The installed Debian package that owns a file, asked of dpkg (`dpkg -S`, then `dpkg-query` for its status);
     * null when dpkg names none, or the one it names is not installed.
     */
    private String debianOwner(Path dpkg, Path query, Path distInfo) {
        try {
            Map<String, String> env = new HashMap<>(world.env());
            env.put("LC_ALL", "C");
            CapturedCommand.Result result = CapturedCommand.run(List.of(dpkg.toString(), "-S",
                    distInfo.toRealPath().toString()), env, Path.of("/"), Duration.ofSeconds(10));
            String out = result.stdout();
            int colon = out.indexOf(':');
            int newline = out.indexOf('\n');
            if (!result.ok() || colon <= 0 || newline >= 0 && newline < colon) {
                return null;
            }
            // "python3-pip: /usr/lib/python3/dist-packages/pip-23.0.1.dist-info"; a diversion line has no colon first.
            String owner = out.substring(0, colon).strip();
            int comma = owner.indexOf(',');
            if (comma >= 0) {
                owner = owner.substring(0, comma).strip();
            }
            if (!AptSimulation.isPackageName(owner)) {
                return null;
            }
            CapturedCommand.Result status = CapturedCommand.run(List.of(query.toString(), "-W",
                    "-f=${db:Status-Abbrev}", owner), env, Path.of("/"), Duration.ofSeconds(10));
            return status.ok() && status.stdout().startsWith("ii") ? owner : null;
        } catch (IOException e) {
            return null;
        }
    }
}
