package dev.safepip.rescue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.ProjectName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * What rescue moved, from where, so that `rescue --undo` can put it back: `rescued.jsonl` in safepip's state
 * folder, one JSON record a line. The ledger says where a package is now; this says where it was before.
 */
public final class RescueRecords {
    /**
     * @param action "rescue" or "undo"
     * @param from   the site folder it was taken from
     * @param sudo   whether its files were root's (putting it back needs sudo)
     * @param route  the word of {@link RouteKind#PIPX} or {@link RouteKind#VENV}
     * @param location pipx's home or the venv folder
     * @param wheel    the wheel made of the installed files, kept for undo ("" when it came from the index)
     * @param wheelSha256 that wheel's sha256 (hex), checked before undo installs it
     */
    public record Entry(String action, String normalized, String name, String version, String from, String scope,
                        boolean sudo, String route, String location, String interpreter, String wheel,
                        String wheelSha256) {
        /** A record without a kept wheel (an undo, or a rescue from the index). */
        public Entry(String action, String normalized, String name, String version, String from, String scope,
                     boolean sudo, String route, String location, String interpreter) {
            this(action, normalized, name, version, from, scope, sudo, route, location, interpreter, "", "");
        }

        String toJson() {
            return Json.object().add("time", Instant.now().toString()).add("action", action)
                    .add("package", normalized).add("name", name).add("version", version).add("from", from)
                    .add("scope", scope).add("sudo", sudo).add("route", route).add("location", location)
                    .add("interpreter", interpreter).add("wheel", wheel).add("wheelSha256", wheelSha256).toString();
        }

        /** The record on a line, or null when it is torn or makes no sense: never acted on. */
        static Entry fromJson(String line) {
            try {
                JsonObject o = Json.parse(line).asObject();
                Entry entry = new Entry(o.getString("action", ""), o.getString("package", ""),
                        o.getString("name", ""), o.getString("version", ""), o.getString("from", ""),
                        o.getString("scope", ""), o.getBoolean("sudo", false), o.getString("route", ""),
                        o.getString("location", ""), o.getString("interpreter", ""), o.getString("wheel", ""),
                        o.getString("wheelSha256", ""));
                return entry.makesSense() ? entry : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private boolean makesSense() {
            return (action.equals("rescue") || action.equals("undo")) && ProjectName.isNormalized(normalized)
                    && ProjectName.normalize(name).equals(normalized) && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                    && version.matches("[A-Za-z0-9][A-Za-z0-9.+!_-]*") && (scope.equals("USER")
                    || scope.equals("SYSTEM")) && (RouteKind.of(route) == RouteKind.PIPX || RouteKind.of(route) == RouteKind.VENV)
                    && absolute(from) && absolute(location) && absolute(interpreter)
                    && (wheel.isEmpty() || absolute(wheel) && wheel.endsWith(".whl"))
                    && wheelSha256.matches("|[0-9a-f]{64}");
        }

        private static boolean absolute(String text) {
            return text.startsWith("/") && text.indexOf('\u0000') < 0 && Path.of(text).normalize().toString()
                    .equals(text);
        }
    }

    /** The file is small (one line per rescue): read whole, but never one that is not a regular file. */
    private static final long MAX_SIZE = 4L << 20;

    private final Path file;

    public RescueRecords(Path stateDir) {
        this.file = stateDir.resolve("rescued.jsonl");
    }

    public Path file() {
        return file;
    }

    public void append(Entry entry) throws IOException {
        // Checked folder, no link followed: root's rescue must not append to a file another user chose.
        try (FileChannel channel = StateFiles.forThisProcess().open(file, StandardOpenOption.APPEND)) {
            ByteBuffer out = ByteBuffer.wrap((entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }

    /** The last rescue of this package that was not undone since, or null. */
    public Entry lastRescue(String normalized) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new BoundedFile.NotRegular(file);
        }
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException(file + " is larger than safepip ever writes it");
        }
        Entry last = null;
        for (String line : List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n"))) {
            Entry entry = Entry.fromJson(line);
            if (entry != null && entry.normalized().equals(normalized)) {
                last = entry.action().equals("rescue") ? entry : null;
            }
        }
        return last;
    }
}
