package dev.safepip.cli;

import dev.safepip.core.Ownership;
import dev.safepip.core.SafepipException;
import dev.safepip.core.SafepipPaths;
import dev.safepip.core.Version;
import dev.safepip.core.World;
import dev.safepip.config.Settings;
import dev.safepip.config.SettingsResolver;
import dev.safepip.config.WrapperOptions;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipLocator;
import dev.safepip.pip.PipOverrides;
import dev.safepip.process.SearchPath;
import dev.safepip.plan.VenvChoice;
import dev.safepip.plan.VenvChooser;
import dev.safepip.system.Apt;
import dev.safepip.system.DevContainer;
import dev.safepip.system.MarkerIntegrity;
import dev.safepip.pip.ActiveEnvironment;
import dev.safepip.python.Interpreter;
import dev.safepip.pip.Situation;
import dev.safepip.pip.SituationDetector;
import dev.safepip.python.Shebang;
import dev.safepip.ui.DevContainerAdvice;
import dev.safepip.ui.Sanitizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `safepip doctor`: everything safepip sees, so a user can tell why it does what it does. */
@Command(name = OwnWords.DOCTOR, descriptionHeading = "%n", description = OwnWords.DOCTOR_SUMMARY,
        versionProvider = SafepipVersion.class,
        synopsisHeading = "Usage: ", optionListHeading = "%nOptions:%n")
public final class DoctorCommand implements Callable<Integer> {
    @Mixin
    HelpOptions helpOptions;

    private final World world;
    private final WrapperOptions options;

    public DoctorCommand(World world, WrapperOptions options) {
        this.world = world;
        this.options = options;
    }

    @Override
    public Integer call() {
        PrintStream out = world.out();
        SearchPath path = new SearchPath(world.getenv("PATH"));
        out.println("safepip " + Version.get() + " on Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.home") + ")");
        row(out, "launcher", world.launcher() == null ? "(started without the launcher)" : world.launcher().toString());
        PipExecutable pip;
        try {
            pip = PipLocator.locate(world, path);
            row(out, "real pip", pip.display() + " (" + pip.foundBy() + ")");
        } catch (SafepipException e) {
            pip = null;
            row(out, "real pip", "none: " + e.getMessage());
        }
        Situation situation = pip == null ? null : SituationDetector.of(world, path).detect(pip);
        if (situation != null) {
            describe(out, situation);
        }
        row(out, "VIRTUAL_ENV", orUnset(world.getenv("VIRTUAL_ENV")));
        if (pip != null) {
            active(out, path, pip, situation);
        }
        if (situation != null) {
            markerState(out, path, situation);
        }
        devContainer(out, situation);
        row(out, "pipx", found(path.find("pipx")));
        Path aptGet = path.find("apt-get");
        row(out, "apt-get", found(aptGet));
        if (aptGet != null) {
            row(out, "apt cache", aptCache());
        }
        settings(out);
        Path sitePrefix = situation != null && situation.interpreter() != null ? situation.interpreter().prefix()
                : null;
        PipOverrides overrides = new PipOverrides(world.env(), world.home());
        List<String> files = new ArrayList<>();
        for (Path file : overrides.configFiles(sitePrefix)) {
            files.add(file + (Files.isRegularFile(file) ? "" : " (absent)"));
        }
        row(out, "pip config", String.join(", ", files));
        String override = overrides.find("install", sitePrefix);
        row(out, "pip overrides", override == null ? "none that lift or move the PEP 668 check" : override);
        return 0;
    }

    private void describe(PrintStream out, Situation situation) {
        Interpreter interpreter = situation.interpreter();
        if (interpreter != null) {
            row(out, "interpreter", interpreter.path() + (interpreter.realPath().equals(interpreter.path()) ? ""
                    : " -> " + interpreter.realPath()) + ", Python " + orUnset(interpreter.version())
                    + " (" + interpreter.source().name().toLowerCase(java.util.Locale.ROOT) + ")");
            row(out, "kind", switch (interpreter.kind()) {
                case VENV -> "virtual environment at " + interpreter.prefix();
                case CONDA -> "conda environment at " + interpreter.prefix();
                case SYSTEM -> "base interpreter, prefix " + interpreter.prefix();
            });
            if (interpreter.stdlib() != null) {
                row(out, "stdlib", interpreter.stdlib().toString());
            }
        }
        row(out, "PEP 668", switch (situation.verdict()) {
            case MANAGED -> "externally managed: pip install and uninstall are blocked (" + situation.reason() + ")";
            case NOT_MANAGED -> "not managed: " + situation.reason();
            case UNKNOWN -> "unknown before pip runs: " + situation.reason();
        });
        if (situation.marker() != null) {
            String from = situation.marker().key() != null ? "key " + situation.marker().key()
                    : "pip's default text, because " + situation.marker().problem();
            row(out, "marker text", from + ":");
            for (String line : Sanitizer.cleanAndCut(situation.marker().text(), 12, 1500).split("\n")) {
                out.println("    | " + line);
            }
        }
    }

    /** The activated venv or conda env, whether its own pip runs, and if not why and how to fix it. */
    private void active(PrintStream out, SearchPath path, PipExecutable pip, Situation situation) {
        Path pipPython = situation.interpreter() != null ? situation.interpreter().path()
                : pip.python() != null ? pip.python() : Shebang.interpreterOf(pip.script(), path);
        ActiveEnvironment active = ActiveEnvironment.detect(world, path, pip, pipPython);
        if (active == null) {
            row(out, "active env", "none (neither VIRTUAL_ENV nor CONDA_PREFIX is set)");
            return;
        }
        row(out, "active env", (active.kind() == Interpreter.Kind.CONDA ? "conda environment " : "virtual environment ")
                + active.prefix());
        row(out, "its pip", active.ownPip() == null ? "none: it has no pip of its own"
                : active.ownPip() + (active.usesOwn() ? " (the one safepip runs)" : " (not the one safepip runs)"));
        for (ActiveEnvironment.Finding finding : active.causes()) {
            row(out, finding.cause() == ActiveEnvironment.Cause.SHELL_MAY_REMEMBER ? "note" : "cause",
                    finding.text());
            for (String fix : finding.fixes()) {
                row(out, "  fix", fix);
            }
        }
    }

    /** A marker Debian's package ships but that is gone or changed: said with the command that restores it. */
    private void markerState(PrintStream out, SearchPath path, Situation situation) {
        Interpreter interpreter = situation.interpreter();
        if (interpreter == null || interpreter.kind() != Interpreter.Kind.SYSTEM || interpreter.marker() == null) {
            return;
        }
        MarkerIntegrity.State state = new MarkerIntegrity(world.env(), world.cwd(), path.find("dpkg"))
                .check(interpreter.marker());
        if (state == null) {
            return;
        }
        if (state.damaged()) {
            row(out, "marker state", state.describe());
            row(out, "  restore", state.restoreCommand() + "   (safepip never edits the marker itself)");
        } else {
            row(out, "marker state", "as Debian's package " + state.owner() + " ships it");
        }
    }

    /**
     * In a dev container (or a project that defines one), the same block as a blocked install shows: the way for
     * now is the venv a blocked install would take; for good, the lines for devcontainer.json.
     */
    private void devContainer(PrintStream out, Situation situation) {
        Ownership judge = Ownership.ofThisProcess();
        DevContainer container = DevContainer.detect(world.env(), world.cwd(), judge,
                Ownership.sudoUid(judge.uid(), world.env()));
        if (container == null) {
            return;
        }
        Interpreter interpreter = situation == null ? null : situation.interpreter();
        DevContainerAdvice advice = DevContainerAdvice.of(container, interpreter == null ? null
                : interpreter.version());
        row(out, "dev container", advice.situation());
        if (advice.problem() != null) {
            row(out, "  problem", advice.problem());
        }
        boolean managed = situation != null && situation.verdict() == Situation.Verdict.MANAGED;
        if (!managed && !container.osProvided()) {
            row(out, "  python", "not externally managed here: pip installs as it is");
            return;
        }
        row(out, "  for now", forNow());
        row(out, "  for good", advice.forGood() + ":");
        for (String line : advice.fileLines()) {
            out.println("    " + Sanitizer.clean(line));
        }
    }

    /** The venv a blocked install would take here, as the planner chooses it. */
    private String forNow() {
        try {
            Settings settings = new SettingsResolver(world).resolve(options);
            VenvChoice venv = VenvChooser.forThisProcess(world.home(), new SafepipPaths(world).defaultVenv(),
                    world.env()).choose(settings.venv(), world.cwd());
            return "a venv, " + venv.display() + " (" + venv.rule() + "): safepip's venv route, the recommended "
                    + "way inside a project";
        } catch (SafepipException e) {
            return "a venv of the project's own (python3 -m venv .venv)";
        }
    }

    private void settings(PrintStream out) {
        try {
            Settings settings = new SettingsResolver(world).resolve(options);
            row(out, "config file", settings.file().path() + (settings.file().exists() ? "" : " (absent)"));
            row(out, "via", settings.via().value().word() + "  (" + settings.via().source() + ")");
            row(out, "venv", (settings.venv().value() == null ? "chosen per install (nearest .venv, project, "
                    + "or the default venv)" : settings.venv().value().toString()) + "  (" + settings.venv().source()
                    + ")");
            row(out, "yes", settings.yes().value() + "  (" + settings.yes().source() + ")");
            row(out, "prefer", settings.prefer().value() + "  (" + settings.prefer().source() + ")");
        } catch (SafepipException e) {
            row(out, "settings", "error: " + e.getMessage());
        }
    }

    /** Which package cache apt-cache reads for safepip, and what safepip's own costs on disk. */
    private String aptCache() {
        Path own = Apt.ownCacheFile(new SafepipPaths(world).cache());
        if (Files.isRegularFile(own)) {
            long size;
            try {
                size = Files.size(own);
            } catch (IOException e) {
                size = 0;
            }
            return own + " (" + (size + 512 * 1024) / (1024 * 1024) + " MB: the system keeps none; rebuilt when "
                    + "stale, and may be deleted at any time)";
        }
        return Files.exists(Apt.systemCacheFile()) ? "the system's, " + Apt.systemCacheFile()
                : "none yet: the system keeps none, so safepip's first question to apt makes one in " + own;
    }

    private static void row(PrintStream out, String name, String value) {
        // Paths, variables and tool output: text safepip did not write.
        out.printf("%-14s %s%n", name + ":", Sanitizer.clean(value));
    }

    private static String found(Path path) {
        return path == null ? "not found" : path.toString();
    }

    private static String orUnset(String value) {
        return value == null ? "(unset)" : value;
    }
}
