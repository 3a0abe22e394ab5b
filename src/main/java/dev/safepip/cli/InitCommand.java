package dev.safepip.cli;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.pip.PipOptionTable;
import dev.safepip.route.CommandLinks;
import dev.safepip.shell.ShellInit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `safepip init bash|zsh|fish`: the shell code for a shell profile, printed on stdout. */
@Command(name = OwnWords.INIT, versionProvider = SafepipVersion.class,
        synopsisHeading = "Usage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n", optionListHeading = "%nOptions:%n",
        // The first paragraph is also the entry in `safepip --help`: a whole sentence.
        description = {OwnWords.INIT_SUMMARY,
                "",
                "For example:",
                "  bash, in ~/.bashrc:    eval \"$(safepip init bash)\"",
                "  zsh, in ~/.zshrc:      eval \"$(safepip init zsh)\"",
                "  fish, in ~/.config/fish/config.fish:",
                "                         safepip init fish | source",
                "  and to also put the commands safepip installed on PATH:",
                "                         eval \"$(safepip init bash --path)\""})
public final class InitCommand implements Callable<Integer> {
    @Mixin
    HelpOptions helpOptions;

    private final World world;
    private final ShellInit.Completion completion;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Option(names = "--path", description = "Also put on PATH the commands safepip installed: those of its "
            + "default venv, as links in ~/.local/share/safepip/bin (never the venv's python or pip), and pipx's.")
    boolean path;

    public InitCommand(World world, ShellInit.Completion completion) {
        this.world = world;
        this.completion = completion;
    }

    @Override
    public Integer call() {
        if (!ShellInit.SHELLS.contains(shell)) {
            throw SafepipException.usage("safepip init does not know the shell '" + shell + "'",
                    "use one of " + String.join(", ", ShellInit.SHELLS));
        }
        String launcher = world.launcher() != null ? world.launcher().toString() : "safepip";
        List<String> dirs = new ArrayList<>();
        if (path) {
            // The default venv's commands as links, never its bin: python3 must stay the system's.
            CommandLinks links = CommandLinks.of(world);
            try {
                links.refresh();
            } catch (java.io.IOException e) {
                // The links are made again by the next venv install; the PATH line is right either way.
            }
            dirs.add(links.folder().toString());
            dirs.add(CommandLinks.pipxBin(world).toString());
        }
        world.out().print(ShellInit.render(shell, launcher, completion, dirs));
        return 0;
    }
}
