package dev.safepip.system;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whether the EXTERNALLY-MANAGED marker is still as the distribution's package shipped it. On Debian the marker
 * belongs to a package (`dpkg -S` names it) and `dpkg --verify` reports it missing or changed; the fix is to
 * reinstall that package. safepip never writes the marker itself: it only says the command.
 */
public final class MarkerIntegrity {

    /** What was found: the owning package, and whether its marker is missing or changed (both false: intact). */
    public record State(Path marker, String owner, boolean missing, boolean changed) {
        public boolean damaged() {
            return missing || changed;
        }

        /** The command that puts the package's marker back. */
        public String restoreCommand() {
            return "sudo apt install --reinstall " + owner;
        }

        public String describe() {
            String what = missing ? "missing" : "changed";
            return marker + " is " + what + "; it belongs to Debian's package " + owner + ", so pip no longer "
                    + (missing ? "stops installs into this Python" : "reads the text Debian wrote");
        }
    }

    private final Map<String, String> env;
    private final Path cwd;
    private final Path dpkg;

    /** @param dpkg the dpkg to ask (found on the user's PATH), or null when there is none */
    public MarkerIntegrity(Map<String, String> env, Path cwd, Path dpkg) {
        this.env = env;
        this.cwd = cwd;
        this.dpkg = dpkg;
    }

    /**
     * The marker's state, or null when no package owns it (not Debian, no dpkg, or a marker that came from
     * elsewhere): then there is nothing a package could restore.
     *
     * @param marker where the interpreter's marker is (or would be): its stdlib's EXTERNALLY-MANAGED
     */
    public State check(Path marker) {
        if (dpkg == null) {
            return null;
        }
        Path asked = realFolder(marker);
        String owner = owner(asked);
        if (owner == null) {
            return null;
        }
        boolean missing = !Files.exists(marker);
        boolean changed = false;
        CapturedCommand.Result verify = run(List.of(dpkg.toString(), "--verify", owner));
        if (verify != null) {
            for (String line : verify.stdout().lines().toList()) {
                // `missing     /usr/lib/python3.11/EXTERNALLY-MANAGED`, or `??5?????? c /usr/lib/…` for a changed one.
                if (line.endsWith(" " + asked)) {
                    missing = missing || line.startsWith("missing");
                    changed = !line.startsWith("missing");
                }
            }
        }
        return new State(marker, owner, missing, changed && !missing);
    }

    /** The package that ships this path, by dpkg's database (it knows a file even after it was deleted). */
    private String owner(Path path) {
        CapturedCommand.Result result = run(List.of(dpkg.toString(), "-S", path.toString()));
        if (result == null || !result.ok()) {
            return null;
        }
        for (String line : result.stdout().lines().toList()) {
            int colon = line.indexOf(": ");
            // `libpython3.11-stdlib:amd64: /usr/lib/python3.11/EXTERNALLY-MANAGED`; a diversion line starts otherwise.
            if (colon > 0 && line.substring(colon + 2).equals(path.toString()) && !line.startsWith("diversion")) {
                String owner = line.substring(0, colon);
                return owner.matches("[a-z0-9][a-z0-9+.-]*(:[a-z0-9-]+)?") ? owner : null;
            }
        }
        return null;
    }

    private CapturedCommand.Result run(List<String> argv) {
        try {
            CapturedCommand.Result result = CapturedCommand.run(argv, env, cwd, Duration.ofSeconds(30));
            return result.timedOut() ? null : result;
        } catch (IOException e) {
            // No dpkg: not a Debian system, nothing to ask.
            return null;
        }
    }

    /** dpkg knows /usr/lib/python3.11/…, not the symlinked way to it: the folder is resolved, the file kept. */
    private static Path realFolder(Path marker) {
        try {
            return marker.getParent().toRealPath().resolve(marker.getFileName());
        } catch (IOException e) {
            return marker;
        }
    }
}
