package dev.safepip.cli;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.World;
import dev.safepip.ledger.Holdings;
import dev.safepip.plan.RouteKind;
import dev.safepip.process.SearchPath;
import dev.safepip.python.DistCommands;
import dev.safepip.python.DistInfo;
import dev.safepip.route.CommandLinks;
import dev.safepip.shell.OnPath;
import dev.safepip.ui.Sanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For `safepip where`: the commands an installed package put in its environment's bin folder (its entry points and
 * RECORD's bin files), each with the file the shell should find (the default venv's through safepip's links, pipx's
 * in its bin folder) and whether the shell finds it on the current PATH, or finds another program first.
 */
final class HoldingCommands {
    private final SearchPath path;
    private final Path defaultVenv;
    private final Path links;
    private final Path pipxBin;
    /** Each venv's metadata folders, listed once however many of its packages are shown. */
    private final Map<String, Map<String, Path>> distInfos = new HashMap<>();

    HoldingCommands(World world) {
        this.path = new SearchPath(world.getenv("PATH"));
        this.defaultVenv = new SafepipPaths(world).defaultVenv().toAbsolutePath().normalize();
        this.links = CommandLinks.of(world).folder();
        this.pipxBin = CommandLinks.pipxBin(world);
    }

    /** One indented line per command; none for a package without commands or a route that keeps none. */
    String lines(Holdings.Holding holding) {
        RouteKind kind = RouteKind.of(holding.route());
        Path venv;
        Path exposed;
        if (kind == RouteKind.VENV) {
            venv = Path.of(holding.location());
            exposed = venv.toAbsolutePath().normalize().equals(defaultVenv) ? links : null;
        } else if (kind == RouteKind.PIPX) {
            venv = Path.of(holding.location(), "venvs", holding.name());
            exposed = pipxBin;
        } else {
            return "";
        }
        Path distInfo = distInfos.computeIfAbsent(venv.toString(),
                v -> DistInfo.byProject(DistInfo.venvSiteDirs(venv))).get(holding.name());
        if (distInfo == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String name : DistCommands.of(distInfo)) {
            Path file = venv.resolve("bin").resolve(name);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                continue;
            }
            Path shown = file;
            if (exposed != null && Files.exists(exposed.resolve(name)) && same(exposed.resolve(name), file)) {
                shown = exposed.resolve(name);
            }
            OnPath reach = OnPath.check(name, shown, path);
            String state = switch (reach.state()) {
                case ON_PATH -> "on PATH";
                case NOT_ON_PATH -> "not on PATH";
                case SHADOWED -> "not reached: " + name + " on PATH is " + reach.first();
            };
            out.append("    command ").append(Sanitizer.clean(name)).append("  ")
                    .append(Sanitizer.clean(shown.toString())).append("  ").append(Sanitizer.clean(state))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
