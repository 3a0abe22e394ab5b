package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import dev.safepip.pip.PipExecutable;
import dev.safepip.process.CapturedCommand;
import dev.safepip.wheel.WheelContents;
import dev.safepip.wheel.ZipDirectory;
import dev.safepip.process.IsolatedPython;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the exact file the install would use, by asking the real pip with the user's own index options:
 * `pip install --dry-run --report - --no-deps --ignore-installed --quiet` (PEP 668 exempts a dry run with a report;
 * pip 22.2 and later have both). pip reads the index, PEP 658 metadata where the index serves it, and reports each
 * requirement's name, version, classifiers and download URL (see {@link #DRY_RUN} for how it is kept from
 * downloading the wheel). A file: URL pip reads in place.
 */
final class WheelLocator {
    /** Where the install's files come from: the look must use the same, and pip's constraints. */
    static final List<String> LOOK_OPTIONS;

    static {
        List<String> options = new ArrayList<>(AppDetector.SOURCE_OPTIONS);
        options.addAll(List.of("--constraint", "--no-binary", "--platform", "--python-version",
                "--implementation", "--abi"));
        LOOK_OPTIONS = List.copyOf(options);
    }

    /**
     * pip's own install command in dry-run mode, changed only to fetch less, which also reads each remote wheel's
     * central directory and metadata by range requests through pip's own session: see the script's header.
     */
    static final String DRY_RUN = script();

    /**
     * What pip found for one requirement.
     *
     * @param contents  the wheel's directory and metadata as the look script read them, or null when it did not
     * @param readError why the look script could not read the remote wheel in parts, or null
     */
    record Located(String name, String version, String url, List<String> classifiers, WheelContents contents,
                   String readError) {
        boolean isWheel() {
            return url != null && url.split("[#?]")[0].endsWith(".whl");
        }
    }

    /**
     * The whole answer: the files found by normalized name; or pip's refusal: exit code and its last ERROR
     * line, with notFound when pip's index has no such project or version (and no connection failed).
     */
    record Answer(Map<String, Located> found, int exit, String error, boolean notFound) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final PipExecutable pip;
    private final Path python;
    private final Map<String, String> env;
    private final Path cwd;

    /** @param python the interpreter that runs the blocked pip, or null to run pip itself */
    WheelLocator(PipExecutable pip, Path python, Map<String, String> env, Path cwd) {
        this.pip = pip;
        this.python = python;
        // The look is safepip's own dry run with the system's pip, never in a venv: PIP_REQUIRE_VIRTUALENV=1 would
        // make pip refuse it (exit 3) before it looks. It installs nothing, so the user's rule is not at stake.
        Map<String, String> look = new java.util.HashMap<>(env);
        look.put("PIP_REQUIRE_VIRTUALENV", "0");
        this.env = look;
        this.cwd = cwd;
    }

    Answer locate(BlockedCommand blocked, List<String> requirements, boolean binaryOnly) throws IOException {
        List<String> args = new ArrayList<>(List.of("install", "--dry-run", "--report", "-", "--no-deps",
                "--ignore-installed", "--quiet"));
        args.addAll(blocked.line().wordsOf(LOOK_OPTIONS));
        if (binaryOnly && !blocked.line().has("--no-binary")) {
            // A look must not build a source distribution: wheels first; sdists only when no wheel exists.
            args.add("--only-binary=:all:");
        }
        // pip's weekly question to the index about its own newer version: the install itself asks it, not the look.
        args.add("--disable-pip-version-check");
        if (!blocked.line().has("--retries")) {
            // A look, not the install: an unreachable index should cost a second here, not pip's minute of retries.
            args.addAll(List.of("--retries", "1"));
        }
        args.addAll(requirements);
        CapturedCommand.Result result = null;
        if (python != null) {
            List<String> argv = new ArrayList<>(List.of(python.toString(), "-c",
                    IsolatedPython.code(DRY_RUN)));
            argv.addAll(args);
            result = CapturedCommand.runForLook(argv, env, cwd, Duration.ofMinutes(2));
            if (result.exit() != 0 && result.stderr().contains("Traceback")) {
                // This pip's insides differ from the ones patched: its own dry run, slower but right.
                result = null;
            }
        }
        if (result == null) {
            result = CapturedCommand.runForLook(pip.argv(args), env, cwd, Duration.ofMinutes(2));
        }
        if (result.timedOut()) {
            return new Answer(Map.of(), 1, "pip did not answer within two minutes", false);
        }
        if (result.exit() != 0) {
            String unfit = unfit(result.stderr());
            return new Answer(Map.of(), result.exit(), unfit != null ? unfit : lastError(result.stderr()),
                    notFound(result.stderr()));
        }
        return new Answer(parse(result.stdout()), 0, null, false);
    }

    static Map<String, Located> parse(String report) throws IOException {
        Map<String, Located> found = new HashMap<>();
        JsonValue root;
        List<String> directories = new ArrayList<>();
        try {
            // pip prints nothing else on stdout with --quiet, but a sitecustomize might: start at the JSON.
            int brace = report.indexOf('{');
            root = Json.parse(withoutDirectories(brace < 0 ? report : report.substring(brace), directories));
        } catch (ParseException e) {
            throw new IOException("pip's report is not JSON: " + e.getMessage(), e);
        }
        JsonValue install = root.isObject() ? root.asObject().get("install") : null;
        if (install == null || !install.isArray()) {
            throw new IOException("pip's report lists nothing to install");
        }
        for (JsonValue item : install.asArray()) {
            JsonObject object = item.asObject();
            JsonObject metadata = object.get("metadata") != null ? object.get("metadata").asObject() : new JsonObject();
            String name = metadata.getString("name", null);
            if (name == null) {
                continue;
            }
            JsonValue info = object.get("download_info");
            String url = info != null && info.isObject() ? info.asObject().getString("url", null) : null;
            List<String> classifiers = new ArrayList<>();
            JsonValue list = metadata.get("classifier");
            if (list != null && list.isArray()) {
                for (JsonValue c : list.asArray()) {
                    if (c.isString()) {
                        classifiers.add(c.asString().strip());
                    }
                }
            }
            JsonValue wheel = object.get("safepip_wheel");
            WheelContents contents = null;
            String readError = null;
            if (wheel != null && wheel.isObject()) {
                readError = wheel.asObject().getString("error", null);
                contents = readError == null ? contents(wheel.asObject(), directories) : null;
            }
            found.put(Requirement.parse(name).normalizedName(), new Located(name,
                    metadata.getString("version", "?"), url, classifiers, contents, readError));
        }
        return found;
    }

    /**
     * The look script's reading of one wheel: its central directory as it is in the file (base64; listed here, where
     * 14,000 members take milliseconds, not in Python) and two texts.
     */
    private static WheelContents contents(JsonObject wheel, List<String> directories) throws IOException {
        JsonValue directory = wheel.get("directory");
        JsonValue count = wheel.get("count");
        if (directory == null || !directory.isString() || count == null || !count.isNumber()) {
            throw new IOException("pip's report lists no files of the wheel");
        }
        String base64 = directory.asString();
        if (base64.startsWith(TAKEN)) {
            try {
                base64 = directories.get(Integer.parseInt(base64.substring(TAKEN.length())));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IOException("pip's report lists a wheel's files oddly", e);
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IOException("pip's report lists a wheel's files oddly", e);
        }
        return new WheelContents(ZipDirectory.list(bytes, count.asLong()), text(wheel, "entry_points"),
                text(wheel, "metadata"), wheel.getLong("fetched", 0));
    }

    /** Marks a directory taken out of the report; base64 has no '@', so no directory the script sent starts so. */
    private static final String TAKEN = "@";
    private static final String LENGTH_KEY = "\"directory_length\": ";
    private static final String DIRECTORY_KEY = ", \"directory\": \"";

    /**
     * The report with each wheel's directory taken out into directories, "@0", "@1", … in its place: a directory
     * is most of the report (2.5 MB of base64 for 14,000 members), and the JSON parser, interpreted as safepip's JVM
     * runs on the blocked path, takes a third of a second over it. The script gives each directory's length just
     * before it, so the rest is found without reading the directory itself. Anything not exactly in that shape is
     * left in place, for the parser to read as before.
     */
    static String withoutDirectories(String report, List<String> directories) {
        int at = report.indexOf(LENGTH_KEY);
        if (at < 0) {
            return report;
        }
        StringBuilder rest = new StringBuilder();
        int copied = 0;
        while (at >= 0) {
            int digits = at + LENGTH_KEY.length();
            int end = digits;
            while (end < report.length() && end - digits < 9 && report.charAt(end) >= '0' && report.charAt(end) <= '9') {
                end++;
            }
            if (end == digits || !report.startsWith(DIRECTORY_KEY, end)) {
                at = report.indexOf(LENGTH_KEY, end);
                continue;
            }
            int length = Integer.parseInt(report.substring(digits, end));
            int from = end + DIRECTORY_KEY.length();
            if (length > report.length() - from - 1 || report.charAt(from + length) != '"') {
                at = report.indexOf(LENGTH_KEY, end);
                continue;
            }
            rest.append(report, copied, from).append(TAKEN).append(directories.size());
            directories.add(report.substring(from, from + length));
            copied = from + length;
            at = report.indexOf(LENGTH_KEY, copied);
        }
        return rest.append(report, copied, report.length()).toString();
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String script() {
        try (InputStream in = WheelLocator.class.getResourceAsStream("look.py")) {
            if (in == null) {
                throw new IllegalStateException("look.py is missing from safepip's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * pip says "No matching distribution found" both when the index has no such project or version and when it
     * could not reach the index; only the first is "does not exist".
     */
    static boolean notFound(String stderr) {
        return stderr.contains("No matching distribution found for") && !stderr.contains("Retrying (")
                && !stderr.contains("Could not fetch URL") && !stderr.contains("connection")
                && !stderr.contains("HTTPError") && !stderr.contains("SSLError") && !stderr.contains("401")
                && !stderr.contains("403");
    }

    /** How an error that is {@link #unfit} begins: the project is there, no file of it suits this Python. */
    static final String UNFIT = "no file of it fits this Python or platform; ";

    /**
     * pip's "from versions: none" is the same for a project the index lacks and one whose files all carry other
     * tags or a Requires-Python this interpreter fails. The look script notes the files pip passed over
     * ("safepip-look: unfit NAME VERSION: pip's reason"); pip itself says the Requires-Python ones at any verbosity
     * ("Ignored the following versions that require a different python version: 1.0 Requires-Python >=3.99; …").
     *
     * @return {@link #UNFIT} and the versions the index has with why each does not fit, or null when pip passed
     *         over nothing (the project or version is truly not there)
     */
    static String unfit(String stderr) {
        List<String> seen = new ArrayList<>();
        StringBuilder versions = new StringBuilder();
        for (String line : stderr.split("\n")) {
            String version;
            String why;
            if (line.startsWith("safepip-look: unfit ")) {
                String rest = line.substring("safepip-look: unfit ".length());
                int space = rest.indexOf(' ');
                int colon = rest.indexOf(": ");
                if (space < 0 || colon < space) {
                    continue;
                }
                version = rest.substring(space + 1, colon);
                why = reason(rest.substring(colon + 2), version);
            } else if (line.startsWith("ERROR: Ignored the following versions that require a different python")) {
                int colon = line.indexOf(": ", "ERROR: ".length());
                if (colon < 0) {
                    continue;
                }
                for (String one : line.substring(colon + 2).split("; ")) {
                    int space = one.strip().indexOf(' ');
                    if (space > 0) {
                        note(seen, versions, one.strip().substring(0, space), one.strip().substring(space + 1));
                    }
                }
                continue;
            } else {
                continue;
            }
            note(seen, versions, version, why);
        }
        return seen.isEmpty() ? null : UNFIT + "the index has " + versions;
    }

    private static void note(List<String> seen, StringBuilder versions, String version, String why) {
        String key = version + " (" + why + ")";
        if (seen.contains(key)) {
            return;
        }
        seen.add(key);
        versions.append(versions.length() == 0 ? "" : ", ").append(key);
    }

    /** pip's reason, short: "tags cp313-cp313-linux_x86_64" or "Requires-Python >=3.99". */
    private static String reason(String detail, String version) {
        int tags = detail.indexOf("tags (");
        if (tags >= 0) {
            int end = detail.indexOf(')', tags);
            return "only for " + detail.substring(tags + "tags (".length(), end < 0 ? detail.length() : end);
        }
        return detail.startsWith(version + " ") ? detail.substring(version.length() + 1) : detail;
    }

    static String lastError(String stderr) {
        String last = null;
        for (String line : stderr.split("\n")) {
            if (line.startsWith("ERROR: ") && !line.equals("ERROR: Exception:")) {
                last = line.substring("ERROR: ".length()).strip();
            }
        }
        if (last != null) {
            return last;
        }
        String[] lines = stderr.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

}
