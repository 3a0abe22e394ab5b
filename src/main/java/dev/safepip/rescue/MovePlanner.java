package dev.safepip.rescue;

import dev.safepip.core.ShellQuote;
import dev.safepip.core.World;
import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipOptionTable;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.plan.RouteKind;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides each stray's {@link Move} once, before anything runs: pipx for an application, safepip's venv for a
 * library; the wheel of its installed files it travels as; every command; the check of the new copy; and the
 * system pip's removal of the old one. {@code rescue --plan} shows these, and {@link Rescuer} runs them.
 */
public final class MovePlanner {
    /** Imports the modules and compares the installed version, in an isolated interpreter (no cwd, no user site). */
    static final String CHECK = String.join("\n",
            "import importlib, importlib.metadata, sys",
            "name, version = sys.argv[1], sys.argv[2]",
            "found = importlib.metadata.version(name)",
            "if found != version:",
            "    sys.exit('%s %s is installed, not %s' % (name, found, version))",
            "for module in sys.argv[3:]:",
            "    importlib.import_module(module)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final World world;
    private final SystemPython python;
    private final PipExecutable systemPip;
    private final Places places;
    private final boolean root;
    /** A move planned before this one makes the venv: later ones install into it. */
    private boolean venvMade;

    public MovePlanner(World world, SystemPython python, PipExecutable systemPip, Places places, boolean root) {
        this.world = world;
        this.python = python;
        this.systemPip = systemPip;
        this.places = places;
        this.root = root;
    }

    /** Plans one move; moves are planned in the order they run, each seeing what the ones before it make. */
    public Move plan(Stray stray) {
        List<String> remove = new ArrayList<>();
        if (stray.rootOwned() && !root) {
            remove.add("sudo");
        }
        remove.addAll(List.of(python.python().toString(), "-m", "pip", "uninstall", "-y", "--break-system-packages",
                stray.name()));
        // The installed files themselves, as a wheel: no index needed, the same bytes (see InstalledFiles).
        InstalledFiles files = InstalledFiles.of(stray);
        Path wheel = files.fallback() != null ? null : places.wheels().resolve(stray.normalized() + "-"
                + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)).resolve(files.fileName());
        String requirement = wheel == null ? stray.requirement() : wheel.toString();
        List<String> checkArgs = new ArrayList<>(List.of("-I", "-c", CHECK, stray.name(), stray.version()));
        if (stray.kind() == Stray.Kind.APPLICATION) {
            String blocker = places.pipx() == null ? "pipx is not installed (sudo apt install pipx)" : null;
            List<String> install = new ArrayList<>(List.of(places.pipx() == null ? "pipx" : places.pipx().toString(),
                    "install", "--python", python.python().toString()));
            // The user's index, explicitly (pipx splits --pip-args like a shell), as the pipx route passes it on.
            List<String> index = IndexOptions.of(world.env());
            if (!index.isEmpty()) {
                install.add("--pip-args=" + ShellQuote.line(index));
            }
            install.add(requirement);
            Path venvs = places.pipxHome().resolve("venvs");
            List<Path> commands = new ArrayList<>();
            for (String script : stray.entryPoints()) {
                commands.add(places.pipxBin().resolve(script));
            }
            return new Move(stray, RouteKind.PIPX, places.pipxHome().toString(), null, List.of(install),
                    List.of(venvs.resolve(stray.normalized()).resolve("bin/python"),
                            venvs.resolve(stray.name()).resolve("bin/python")),
                    checkArgs, commands, remove, blocker, files, wheel);
        }
        VenvRoute route = venvMade ? venvRoute(requirement).afterCreation() : venvRoute(requirement);
        // As with the venv route: under `sudo safepip` the venv would be made root's, inside the user's own folders.
        String sudoUser = world.getenv("SUDO_USER");
        String blocker = root && sudoUser != null && !sudoUser.equals("root") ? "safepip runs under sudo: the venv "
                + "would belong to root, not to " + sudoUser + "; run safepip rescue without sudo" : null;
        checkArgs.addAll(stray.modules());
        venvMade |= blocker == null;
        return new Move(stray, RouteKind.VENV, places.venv().toString(), route, route.commands(),
                List.of(places.venv().resolve("bin/python")), checkArgs, List.of(), remove, blocker, files, wheel);
    }

    /** @param requirement the wheel made of the installed files, or NAME==VERSION from the index */
    private VenvRoute venvRoute(String requirement) {
        BlockedCommand install = BlockedCommand.of(new PipArgvParser(PipOptionTable.get())
                .parse(withIndex(requirement)));
        return VenvRoute.planned(python.python(), new VenvChoice(places.venv(), places.venv().toString(),
                "where safepip puts libraries"), install, null, systemPip.argv(List.of()),
                python.prefix() == null || Files.isDirectory(python.prefix().resolve("lib/python"
                        + python.version() + "/ensurepip")));
    }

    /** `install`, the user's index options written out (see IndexOptions), and the requirement. */
    private List<String> withIndex(String requirement) {
        List<String> argv = new ArrayList<>(List.of("install"));
        argv.addAll(IndexOptions.of(world.env()));
        argv.add(requirement);
        return argv;
    }
}
