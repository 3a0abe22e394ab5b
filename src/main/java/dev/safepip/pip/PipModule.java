package dev.safepip.pip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether `python -m pip` can work, told from the files: a pip package in one of the interpreter's site folders.
 * Only a layout that rules pip out says no; anything unusual says maybe, and pip's own error then speaks.
 */
final class PipModule {
    private PipModule() {
    }

    static boolean maybeIn(Path python, Path home) {
        Path real;
        try {
            real = python.toRealPath();
        } catch (IOException e) {
            return true;
        }
        Path bin = real.getParent();
        Path prefix = bin == null ? null : bin.getParent();
        if (prefix == null || !Files.isDirectory(prefix.resolve("lib"))) {
            return true;
        }
        if (Files.isRegularFile(python.toAbsolutePath().getParent().resolve("pyvenv.cfg"))
                || Files.isRegularFile(python.toAbsolutePath().getParent().resolveSibling("pyvenv.cfg"))) {
            return true;
        }
        if (Files.isDirectory(prefix.resolve("lib/python3/dist-packages/pip"))) {
            return true;
        }
        for (String lib : new String[] {"lib", "lib64", "local/lib"}) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(prefix.resolve(lib), "python3*")) {
                for (Path version : versions) {
                    for (String site : new String[] {"site-packages", "dist-packages"}) {
                        if (Files.isDirectory(version.resolve(site).resolve("pip"))) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                // No such folder: look at the next.
            }
        }
        // The user's own site folder, for `pip install --user pip`.
        if (home != null) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(home.resolve(".local/lib"), "python3*")) {
                for (Path version : versions) {
                    if (Files.isDirectory(version.resolve("site-packages/pip"))) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // No user site.
            }
        }
        return false;
    }
}
