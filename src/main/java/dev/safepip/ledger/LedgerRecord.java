package dev.safepip.ledger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.time.Instant;
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

    /** The record on a line, or null when the line is not one (a torn last line after a crash). */
    public static LedgerRecord fromJson(String line) {
        try {
            JsonObject object = Json.parse(line).asObject();
            return new LedgerRecord(Instant.parse(object.getString("time", "")), object.getString("action", ""),
                    strings(object.get("packages")), strings(object.get("requirements")),
                    object.getString("route", ""), object.getString("location", ""),
                    object.getString("interpreter", ""), strings(object.get("command")), object.getInt("exit", -1));
        } catch (RuntimeException e) {
            return null;
        }
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
