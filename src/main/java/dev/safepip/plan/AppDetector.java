package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import dev.safepip.pip.PipExecutable;
import dev.safepip.process.CapturedCommand;
import dev.safepip.python.IniParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells applications from libraries before installing: the real pip downloads each named requirement's wheel
 * without dependencies (with the user's own index options, into a temporary folder; pip's cache keeps it for the
 * install that follows), and the wheel's entry_points.txt says whether it has console scripts.
 */
public final class AppDetector {
    /** The user's options that say where packages come from: the download must look in the same places. */
    static final List<String> SOURCE_OPTIONS = List.of("--index-url", "--extra-index-url", "--no-index",
            "--find-links", "--trusted-host", "--pre", "--proxy", "--cert", "--client-cert", "--timeout",
            "--retries", "--isolated", "--cache-dir", "--no-cache-dir", "--only-binary", "--prefer-binary");

    private final PipExecutable pip;
    private final Map<String, String> env;
    private final Path cwd;

    public AppDetector(PipExecutable pip, Map<String, String> env, Path cwd) {
        this.pip = pip;
        this.env = env;
        this.cwd = cwd;
    }

    /** The kind of every named requirement, by normalized name. */
    public Map<String, AppKind> detect(BlockedCommand blocked) throws IOException {
        Map<String, AppKind> kinds = new HashMap<>();
        List<Requirement> named = blocked.named();
        if (named.isEmpty()) {
            return kinds;
        }
        Path dir = Files.createTempDirectory("safepip-probe");
        try {
            List<String> texts = new ArrayList<>();
            named.forEach(r -> texts.add(r.text()));
            boolean whole = download(blocked, texts, dir);
            if (!whole) {
                // One bad requirement fails pip's whole download: ask again one by one for the others.
                for (String text : texts) {
                    download(blocked, List.of(text), dir);
                }
            }
            Map<String, AppKind> fromWheels = readWheels(dir);
            for (Requirement requirement : named) {
                AppKind kind = fromWheels.get(requirement.normalizedName());
                kinds.put(requirement.normalizedName(), kind != null ? kind
                        : AppKind.unknown("no wheel could be fetched for " + requirement.name()));
            }
            return kinds;
        } finally {
            deleteTree(dir);
        }
    }

    private boolean download(BlockedCommand blocked, List<String> requirements, Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("download", "--no-deps", "--only-binary=:all:", "-q", "-d",
                dir.toString()));
        args.addAll(blocked.line().wordsOf(SOURCE_OPTIONS));
        if (!blocked.line().has("--retries")) {
            // A look, not the install: an unreachable index should cost a second here, not pip's minute of retries.
            args.addAll(List.of("--retries", "1"));
        }
        args.addAll(requirements);
        CapturedCommand.Result result = CapturedCommand.run(pip.argv(args), env, cwd, Duration.ofMinutes(5));
        return result.ok();
    }

    static Map<String, AppKind> readWheels(Path dir) throws IOException {
        Map<String, AppKind> kinds = new HashMap<>();
        try (DirectoryStream<Path> wheels = Files.newDirectoryStream(dir, "*.whl")) {
            for (Path wheel : wheels) {
                String file = wheel.getFileName().toString();
                String project = Requirement.parse(file.substring(0, file.indexOf('-'))).normalizedName();
                kinds.put(project, kindOf(wheel));
            }
        }
        return kinds;
    }

    static AppKind kindOf(Path wheel) {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry entries = zip.stream()
                    .filter(e -> e.getName().matches("[^/]+\\.dist-info/entry_points\\.txt"))
                    .findFirst().orElse(null);
            if (entries == null) {
                return new AppKind(AppKind.Kind.LIBRARY, List.of(), "its wheel declares no commands");
            }
            String text;
            try (InputStream in = zip.getInputStream(entries)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> scripts = IniParser.parse(text).getOrDefault("console_scripts", Map.of());
            if (scripts.isEmpty()) {
                return new AppKind(AppKind.Kind.LIBRARY, List.of(), "its wheel declares no commands");
            }
            return new AppKind(AppKind.Kind.APP, List.copyOf(scripts.keySet()),
                    "it provides " + String.join(", ", scripts.keySet()));
        } catch (IOException | IniParser.ParseError e) {
            return AppKind.unknown("its wheel cannot be read");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is only clutter.
        }
    }
}
