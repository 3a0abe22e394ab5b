package dev.safepip.route;

import dev.safepip.core.StateFiles;
import dev.safepip.core.World;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The commands installed into safepip's default venv, as links in one folder that `safepip init --path` puts on
 * PATH. Only the commands: the venv's own python, python3, pip and activate scripts stay off PATH, so that python3
 * in the user's shell remains the system's. Kept current after every venv install and uninstall (and by init
 * --path, for venvs made before this folder existed).
 */
public final class CommandLinks {
    /** What `python -m venv` puts in bin itself: never linked. */
    private static final Pattern VENV_OWN = Pattern.compile("python[0-9.]*|pip[0-9.]*|activate(\\..*)?|Activate\\.ps1");

    private final Path venvBin;
    private final Path links;

    private CommandLinks(Path venvBin, Path links) {
        this.venvBin = venvBin;
        this.links = links;
    }

    public static CommandLinks of(World world) {
        Path data = world.xdg("XDG_DATA_HOME", ".local/share").resolve("safepip");
        return new CommandLinks(data.resolve("venv/bin"), data.resolve("bin"));
    }

    /**
     * pipx's folder of commands as `safepip init --path` puts it on PATH: PIPX_BIN_DIR, else pipx's default
     * ~/.local/bin.
     */
    public static Path pipxBin(World world) {
        String pipxBin = world.getenv("PIPX_BIN_DIR");
        return pipxBin != null ? Path.of(pipxBin) : world.home().resolve(".local/bin");
    }

    /** The folder of links, e.g. ~/.local/share/safepip/bin. */
    public Path folder() {
        return links;
    }

    /** A link for each command in the default venv, none for a command that is gone; our own links only. */
    public void refresh() throws IOException {
        if (Files.isDirectory(links)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(links)) {
                for (Path link : entries) {
                    if (Files.isSymbolicLink(link) && isOurs(Files.readSymbolicLink(link))
                            && !isCommand(venvBin.resolve(link.getFileName()))) {
                        Files.deleteIfExists(link);
                    }
                }
            }
        }
        if (!Files.isDirectory(venvBin)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(venvBin)) {
            for (Path command : entries) {
                Path link = links.resolve(command.getFileName());
                if (!isCommand(command) || Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                StateFiles.forThisProcess().folder(links);
                try {
                    Files.createSymbolicLink(link, command);
                } catch (FileAlreadyExistsException e) {
                    // Another safepip made it meanwhile: the same link.
                }
            }
        }
    }

    private boolean isOurs(Path target) {
        return target.isAbsolute() && target.startsWith(venvBin);
    }

    private static boolean isCommand(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !VENV_OWN.matcher(name).matches() && Files.isRegularFile(file)
                && Files.isExecutable(file);
    }
}
