package dev.safepip.rescue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import dev.safepip.core.SafepipException;
import dev.safepip.process.CapturedCommand;
import dev.safepip.process.IsolatedPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system Python whose packages rescue looks at: its version, prefix, and the folders on its search path where
 * packages are installed (site-packages and Debian's dist-packages, the user site included), as it reports them.
 *
 * @param userSite the user site folder (~/.local/lib/python3.X/site-packages), or null when the user site is off
 */
public record SystemPython(Path python, String version, Path prefix, List<Path> siteDirs, Path userSite) {

    /** One process: the interpreter says where it looks. Not isolated (-I would hide the user site). */
    private static final String PROBE = String.join("\n",
            "import json, site, sys",
            "user = site.getusersitepackages() if site.ENABLE_USER_SITE is not False else None",
            "print(json.dumps({'version': '%d.%d' % sys.version_info[:2], 'prefix': sys.prefix,",
            "                  'path': sys.path, 'user_site': user}))");

    public static SystemPython probe(Path python, Map<String, String> env, Path cwd) {
        CapturedCommand.Result result;
        try {
            result = CapturedCommand.run(List.of(python.toString(), "-c",
                    IsolatedPython.code(PROBE)), env, cwd, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw SafepipException.unavailable("cannot run " + python + ": " + e.getMessage(),
                    "check the interpreter, or choose one with --python");
        }
        if (!result.ok()) {
            throw SafepipException.unavailable(python + " could not say where it keeps its packages (exit "
                    + result.exit() + ")", "check the interpreter, or choose one with --python");
        }
        try {
            JsonObject answer = Json.parse(result.stdout().strip()).asObject();
            JsonValue user = answer.get("user_site");
            Path userSite = user == null || user.isNull() ? null : Path.of(user.asString());
            Set<Path> dirs = new LinkedHashSet<>();
            for (JsonValue entry : answer.get("path").asArray()) {
                Path dir = Path.of(entry.asString());
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if ((name.equals("site-packages") || name.equals("dist-packages")) && Files.isDirectory(dir)) {
                    dirs.add(dir);
                }
            }
            if (userSite != null && Files.isDirectory(userSite)) {
                dirs.add(userSite);
            }
            return new SystemPython(python, answer.getString("version", null), Path.of(answer.getString("prefix", "/")),
                    new ArrayList<>(dirs), userSite);
        } catch (RuntimeException e) {
            throw SafepipException.unavailable(python + " gave an answer safepip cannot read", "check the "
                    + "interpreter, or choose one with --python");
        }
    }

    public boolean isUserSite(Path dir) {
        return userSite != null && dir.normalize().equals(userSite.normalize());
    }
}
