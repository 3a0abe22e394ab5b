package dev.safepip.rescue;

import dev.safepip.python.ProjectName;
import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the distributions in a system Python's search path that the distribution did not install. Its own carry
 * INSTALLER `debian` (or `rpm`), or none at all: Debian's egg-info folders have none, so for those dpkg's database
 * decides; one without INSTALLER that no package owns is shown as unknown.
 */
public final class StrayFinder {
    /** INSTALLER values of distributions' own packaging tools. */
    private static final Set<String> DISTRIBUTION_INSTALLERS = Set.of("debian", "rpm");

    /** A distribution's own copy of a project, for what a stray shadows. */
    public record Owned(String version, Path distInfo) {
    }

    /** What the search found: the strays, and the distribution's own copies by normalized name. */
    public record Found(List<Stray> strays, Map<String, Owned> distributions) {
    }

    private final Map<String, String> env;
    private final Path cwd;
    private final Path dpkg;

    /** @param dpkg dpkg found on PATH, or null (not Debian): then a distribution without INSTALLER is unknown */
    public StrayFinder(Map<String, String> env, Path cwd, Path dpkg) {
        this.env = env;
        this.cwd = cwd;
        this.dpkg = dpkg;
    }

    public Found find(SystemPython python) {
        List<Stray> candidates = new ArrayList<>();
        Map<String, Owned> own = new HashMap<>();
        List<Path> withoutInstaller = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path site : python.siteDirs()) {
            for (Path distInfo : metadataFolders(site)) {
                Metadata metadata = Metadata.read(distInfo);
                if (metadata == null) {
                    continue;
                }
                String normalized = ProjectName.normalize(metadata.name());
                String installer = firstLine(distInfo.resolve("INSTALLER"));
                if (installer != null && DISTRIBUTION_INSTALLERS.contains(installer)) {
                    own.putIfAbsent(normalized, new Owned(metadata.version(), distInfo));
                    continue;
                }
                // The same folder twice on the path (a symlink) is one distribution.
                if (!seen.add(normalized + "\u0000" + real(distInfo))) {
                    continue;
                }
                if (installer == null) {
                    withoutInstaller.add(distInfo);
                }
                Stray.Scope scope = python.isUserSite(site) ? Stray.Scope.USER : Stray.Scope.SYSTEM;
                candidates.add(new Stray(metadata.name(), normalized, metadata.version(), distInfo, site, scope,
                        installer, rootOwned(distInfo), DistFiles.scripts(distInfo, site),
                        DistFiles.entryPoints(distInfo), DistFiles.modules(distInfo)));
            }
        }
        Set<Path> packaged = packaged(withoutInstaller);
        List<Stray> strays = new ArrayList<>();
        for (Stray stray : candidates) {
            if (stray.installer() == null && packaged.contains(real(stray.distInfo()))) {
                own.putIfAbsent(stray.normalized(), new Owned(stray.version(), stray.distInfo()));
            } else {
                strays.add(stray);
            }
        }
        return new Found(strays, own);
    }

    /** The .dist-info and .egg-info folders of a site folder, in name order. */
    private static List<Path> metadataFolders(Path site) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(site, "*.{dist-info,egg-info}")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            // An unreadable folder: nothing safepip could move from it anyway.
        }
        found.sort(null);
        return found;
    }

    /** Which of these folders a Debian package ships, by one `dpkg -S` for all of them. */
    private Set<Path> packaged(List<Path> folders) {
        Set<Path> owned = new HashSet<>();
        if (dpkg == null || folders.isEmpty()) {
            return owned;
        }
        List<String> argv = new ArrayList<>(List.of(dpkg.toString(), "-S"));
        Set<String> asked = new LinkedHashSet<>();
        folders.forEach(f -> asked.add(real(f).toString()));
        argv.addAll(asked);
        try {
            CapturedCommand.Result result = CapturedCommand.run(argv, env, cwd, Duration.ofSeconds(60));
            // Exit 1 when some path is not found: the lines for the others still count.
            for (String line : result.stdout().lines().toList()) {
                int colon = line.lastIndexOf(": /");
                if (colon > 0 && asked.contains(line.substring(colon + 2))) {
                    owned.add(Path.of(line.substring(colon + 2)));
                }
            }
        } catch (IOException e) {
            // dpkg could not start: every folder without INSTALLER stays unknown.
        }
        return owned;
    }

    private static boolean rootOwned(Path distInfo) {
        try {
            return Files.getOwner(distInfo).getName().equals("root");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    static String firstLine(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
