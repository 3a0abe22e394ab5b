package dev.safepip.route;

import dev.safepip.core.World;
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
    private final Console console;

    UnknownPackage(World world, Console console) {
        this.world = world;
        this.console = console;
    }

    /**
     * A package safepip never installed. apt is named only when dpkg says one of its installed packages owns the
     * package's files: Debian's table knows `black`, but that says nothing about what is installed here.
     */
    void explain(String name, Interpreter interpreter) {
        Path distInfo = interpreter == null ? null
                : DistInfo.find(DistInfo.systemSiteDirs(interpreter.prefix(), interpreter.version()), name);
        String owner = distInfo == null ? null : debianOwner(distInfo);
        if (owner != null) {
            console.say("safepip: " + name + " was installed by Debian, in its package " + owner
                    + "; remove it with apt:");
            console.command(("root".equals(System.getProperty("user.name")) ? "" : "sudo ") + "apt-get remove "
                    + owner);
            return;
        }
        console.say("safepip: neither safepip nor Debian installed " + name + " here" + (distInfo == null
                ? " (it is not in this Python's system folders)"
                : " (it is in " + distInfo.getParent() + ", installed by " + installer(distInfo) + ")")
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
    private String debianOwner(Path distInfo) {
        SearchPath path = new SearchPath(world.getenv("PATH"));
        Path dpkg = path.find("dpkg");
        Path query = path.find("dpkg-query");
        if (dpkg == null || query == null) {
            return null;
        }
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
