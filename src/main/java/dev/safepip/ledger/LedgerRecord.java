package dev.safepip.ledger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.ProjectName;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing safepip did instead of a blocked pip command.
 *
 * @param action       "install" or "uninstall"
 * @param packages     normalized names of the packages concerned (named requirements and those of -r files)
 * @param requirements the requirements as the user gave them
 * @param route        venv, pipx, apt or break
 * @param location     where they went: the venv folder, pipx's home, "system"
 * @param interpreter  the interpreter that owned the blocked pip
 * @param command      the exact argv run
 * @param exit         its exit code
 */
public record LedgerRecord(Instant time, String action, List<String> packages, List<String> requirements,
                           String route, String location, String interpreter, List<String> command, int exit) {

    public String toJson() {
        JsonObject object = Json.object()
                .add("time", time.toString())
                .add("action", action)
                .add("packages", array(packages))
                .add("requirements", array(requirements))
                .add("route", route)
                .add("location", location)
                .add("interpreter", interpreter)
                .add("command", array(command))
                .add("exit", exit);
        return object.toString();
    }

    /**
     * The record on a line, or null when the line is not one that makes sense (a torn last line after a crash, a
     * field damaged or edited): such a record is skipped, never acted on.
     */
    public static LedgerRecord fromJson(String line) {
        try {
            JsonObject object = Json.parse(line).asObject();
            return of(object.getString("time", ""), object.getString("action", ""),
                    strings(object.get("packages")), strings(object.get("requirements")),
                    object.getString("route", ""), object.getString("location", ""),
                    object.getString("interpreter", ""), strings(object.get("command")), object.getInt("exit", -1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The record of these fields as read from a line, or null when it does not make sense (as fromJson). */
    static LedgerRecord of(String time, String action, List<String> packages, List<String> requirements,
                           String route, String location, String interpreter, List<String> command, int exit) {
        try {
            LedgerRecord record = new LedgerRecord(instant(time), action, List.copyOf(packages),
                    List.copyOf(requirements), route, location, interpreter, List.copyOf(command), exit);
            return record.makesSense() ? record : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether safepip could have written this record: a known action and route, a location that is an absolute
     * path for the routes that act on one (a relative or empty one would make `uninstall` run a `bin/pip` of the
     * current folder), a command to turn round, and package names as safepip writes them.
     */
    boolean makesSense() {
        if (!action.equals("install") && !action.equals("uninstall") || RouteKind.of(route) == null) {
            return false;
        }
        if (command.isEmpty() || command.get(0).isEmpty()) {
            return false;
        }
        for (String name : packages) {
            if (!ProjectName.isNormalized(name)) {
                return false;
            }
        }
        if (hasNul(command) || !showable(location) || time.isBefore(FIRST) || time.isAfter(LAST)) {
            return false;
        }
        // `uninstall` runs a command derived from the record's: its tool must be the one the route uses.
        String tool = toolName(command);
        return switch (RouteKind.of(route)) {
            case SYSTEM -> location.equals("system") && SYSTEM_TOOLS.contains(tool);
            case PIPX -> isAbsolutePath(location) && tool.equals("pipx");
            case VENV, BREAK -> isAbsolutePath(location);
        };
    }

    /**
     * Times a clock can give, with room for a wrong one: `where` shows them in the local time zone, which an
     * Instant near its limits (year one billion) does not fit in.
     */
    private static final Instant FIRST = LocalDateTime.of(1, 1, 2, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant LAST = LocalDateTime.of(9999, 12, 30, 0, 0).toInstant(ZoneOffset.UTC);

    /**
     * Whether a location can be printed as it is: `where` and `uninstall` show it, and a control character, an
     * escape sequence or a bidirectional override in it would reach the terminal (safepip never makes such a
     * folder).
     */
    private static boolean showable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return false;
            }
        }
        return true;
    }

    private static final List<String> SYSTEM_TOOLS = List.of("apt-get", "apt", "dnf", "pacman", "apk", "brew");

    /** The file name of the command's program, past a leading sudo. */
    private static String toolName(List<String> command) {
        String first = command.get(0).equals("sudo") && command.size() > 1 ? command.get(1) : command.get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private static boolean isAbsolutePath(String text) {
        if (text.isEmpty() || text.indexOf('\u0000') >= 0 || !text.startsWith("/")) {
            return false;
        }
        try {
            Path path = Path.of(text);
            return path.isAbsolute() && path.normalize().equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean hasNul(List<String> words) {
        for (String word : words) {
            if (word.indexOf('\u0000') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Instant.toString()'s own form, `2026-11-23T01:00:00Z` or with a fraction, read by hand: a large ledger has a
     * time on every line, and Instant.parse costs as much as the rest of the line. Anything else goes to it.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.' && n <= 30 && n > 21)) {
            try {
                int nanos = 0;
                if (n > 20) {
                    String fraction = text.substring(20, n - 1);
                    nanos = Integer.parseInt(digits(fraction) + "000000000".substring(fraction.length()));
                }
                return LocalDateTime.of(Integer.parseInt(digits(text.substring(0, 4))),
                        Integer.parseInt(digits(text.substring(5, 7))), Integer.parseInt(digits(text.substring(8, 10))),
                        Integer.parseInt(digits(text.substring(11, 13))),
                        Integer.parseInt(digits(text.substring(14, 16))),
                        Integer.parseInt(digits(text.substring(17, 19))), nanos).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
    }

    /** The text itself when it is only ASCII digits (parseInt also takes signs and other scripts' digits). */
    private static String digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new NumberFormatException(text);
            }
        }
        return text;
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonValue value) {
        List<String> list = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonValue item : value.asArray()) {
                list.add(item.asString());
            }
        }
        return List.copyOf(list);
    }
}
