package dev.safepip.route;

import dev.safepip.core.World;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.Plan;
import dev.safepip.plan.PipxRoute;
import dev.safepip.pip.Requirement;
import dev.safepip.plan.Route;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.DistInfo;
import dev.safepip.system.VersionCheck;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipx route: installs pipx first when it is missing (with consent, as the plan shows), runs one pipx command
 * per application, then checks what pipx did — the version asked for is the version in pipx's environment — and
 * says where the commands are. pipx's exit code alone is not enough: `pipx install` of an installed app exits 0
 * and changes nothing.
 */
public final class PipxInstaller implements RouteExecutor {
    private final World world;
    private final Console console;
    private final CommandRouteRunner commands;

    public PipxInstaller(World world, Console console, CommandRouteRunner commands) {
        this.world = world;
        this.console = console;
        this.commands = commands;
    }

    @Override
    public int run(Route chosen, Plan plan) throws IOException {
        PipxRoute route = (PipxRoute) chosen;
        int exit = commands.runAll(route.bootstrap(), RouteKind.PIPX, plan, "", false);
        if (exit != 0) {
            return exit;
        }
        PipxEnvironment pipx = route.bootstrap().isEmpty() ? new PipxEnvironment(Path.of(plan.facts().pipxHome()),
                Path.of(plan.facts().pipxBinDir())) : PipxEnvironment.of(Path.of(route.pipx()), world.env(),
                world.home(), false);
        List<List<String>> own = route.commands().subList(route.bootstrap().size(), route.commands().size());
        exit = commands.runAll(own, RouteKind.PIPX, plan, pipx.home().toString(), true);
        if (exit != 0 || !plan.blocked().isInstall()) {
            return exit;
        }
        exit = checkVersions(route, plan, pipx);
        if (exit == 0 && route.inject() == null) {
            sayWhereCommandsAre(route, pipx.bin().toString());
        }
        return exit;
    }

    /** 1 when an application is missing or at a version the user did not ask for. */
    private int checkVersions(PipxRoute route, Plan plan, PipxEnvironment pipx) {
        int exit = 0;
        for (Requirement requirement : plan.blocked().named()) {
            String name = requirement.normalizedName();
            Path venv = pipx.venv(route.inject() != null ? DistInfo.normalize(route.inject()) : name);
            Path distInfo = DistInfo.find(DistInfo.venvSiteDirs(venv), name);
            if (distInfo == null) {
                console.say("safepip: pipx said it was done, but " + requirement.name() + " is not in " + venv
                        + "; it was not installed.");
                exit = 1;
                continue;
            }
            String version = DistInfo.version(distInfo);
            if (requirement.specifier().isEmpty() || version == null) {
                continue;
            }
            Boolean ok = VersionCheck.satisfies(plan.facts().python(), world.env(), version,
                    requirement.specifier());
            if (Boolean.FALSE.equals(ok)) {
                console.say("safepip: pipx left " + requirement.name() + " at " + version + ", which is not "
                        + requirement.text() + "; the install did not do what was asked.");
                exit = 1;
            }
        }
        return exit;
    }

    /** After pipx: where the commands are, and whether the shell will find them. */
    private void sayWhereCommandsAre(PipxRoute route, String bin) {
        List<String> scripts = new ArrayList<>();
        for (AppKind kind : route.kinds().values()) {
            scripts.addAll(kind.scripts());
        }
        console.say("safepip: " + (scripts.isEmpty() ? "the commands are" : String.join(", ", scripts)
                + (scripts.size() == 1 ? " is" : " are")) + " in " + bin + ".");
        String pathValue = world.getenv("PATH");
        boolean onPath = pathValue != null && List.of(pathValue.split(":")).contains(bin);
        if (!onPath) {
            console.say("safepip: " + bin + " is not on your PATH: run `pipx ensurepath`, then open a new shell.");
        }
    }
}
