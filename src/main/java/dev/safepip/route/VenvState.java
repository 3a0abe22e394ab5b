package dev.safepip.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a folder is, for the venv route: absent (or empty), a working venv, a broken one, or not a venv at all. */
public record VenvState(Kind kind, String version, boolean hasPip) {
    private static final Pattern VERSION = Pattern.compile("(?m)^\\s*version(?:_info)?\\s*=\\s*(\\d+\\.\\d+)");

    public enum Kind {
        /** Nothing there, or an empty folder: safepip may create the venv. */
        ABSENT,
        /** A venv whose python runs. */
        WORKING,
        /** A venv whose python is gone (its base interpreter was removed or upgraded). */
        BROKEN,
        /** A folder with other things in it: safepip never writes there. */
        NOT_A_VENV
    }

    public static VenvState of(Path dir) {
        if (!Files.exists(dir)) {
            return new VenvState(Kind.ABSENT, null, false);
        }
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            return new VenvState(Kind.ABSENT, null, false);
        }
        Path cfg = dir.resolve("pyvenv.cfg");
        if (!Files.isRegularFile(cfg)) {
            if (Files.isDirectory(dir.resolve("conda-meta")) && Files.isExecutable(dir.resolve("bin/python"))) {
                // An active conda environment the venv route was sent to: used as it is, never created or removed.
                return new VenvState(Kind.WORKING, null, Files.isExecutable(dir.resolve("bin/pip")));
            }
            return new VenvState(Kind.NOT_A_VENV, null, false);
        }
        String version = null;
        try {
            Matcher m = VERSION.matcher(dev.safepip.core.BoundedFile.text(cfg, 65536));
            version = m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return new VenvState(Kind.BROKEN, null, false);
        }
        Path python = dir.resolve("bin").resolve("python");
        // Files.isExecutable follows the symlink: a venv whose base Python was removed fails here.
        if (!Files.isExecutable(python)) {
            return new VenvState(Kind.BROKEN, version, false);
        }
        return new VenvState(Kind.WORKING, version, Files.isExecutable(dir.resolve("bin").resolve("pip")));
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
