package dev.safepip.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An environment for child processes built from nothing.
 *
 * <p>The machine running the tests sets PIP_FIND_LINKS, a pip.conf with extra index URLs and puts
 * a pyenv Python first on PATH. Any of those leaking into a child would make tests pass or fail
 * for reasons unrelated to safepip, so children never inherit {@code System.getenv()}: they get
 * exactly the variables listed here, with every per-user location pointing inside the test's own
 * directory.
 */
public final class TestEnv {

    /** Only system directories: nothing from pyenv, cargo or /usr/local can shadow the tools. */
    public static final String BASE_PATH = "/usr/bin:/bin";

    private final Path root;

    private TestEnv(Path root) {
        this.root = root;
    }

    /** Creates the fake home and XDG/pipx folders under {@code root}. */
    public static TestEnv in(Path root) {
        TestEnv env = new TestEnv(root.toAbsolutePath());
        for (Path dir : new Path[] {
                env.home(), env.xdgConfig(), env.xdgData(), env.xdgState(), env.xdgCache(),
                env.xdgConfigDirs(), env.pipxHome(), env.pipxBin()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return env;
    }

    public Path root() { return root; }
    public Path home() { return root.resolve("home"); }
    public Path xdgConfig() { return root.resolve("xdg/config"); }
    public Path xdgData() { return root.resolve("xdg/data"); }
    public Path xdgState() { return root.resolve("xdg/state"); }
    public Path xdgCache() { return root.resolve("xdg/cache"); }
    /** Empty on purpose: otherwise /etc/xdg (a site-wide pip.conf location) would be consulted. */
    public Path xdgConfigDirs() { return root.resolve("xdg/config-dirs"); }
    public Path pipxHome() { return root.resolve("pipx/home"); }
    public Path pipxBin() { return root.resolve("pipx/bin"); }

    /** A new, mutable map each call, so a test can add or remove variables without affecting others. */
    public Map<String, String> map() {
        Map<String, String> m = new HashMap<>();
        m.put("HOME", home().toString());
        m.put("XDG_CONFIG_HOME", xdgConfig().toString());
        m.put("XDG_DATA_HOME", xdgData().toString());
        m.put("XDG_STATE_HOME", xdgState().toString());
        m.put("XDG_CACHE_HOME", xdgCache().toString());
        m.put("XDG_CONFIG_DIRS", xdgConfigDirs().toString());
        m.put("PIPX_HOME", pipxHome().toString());
        m.put("PIPX_BIN_DIR", pipxBin().toString());
        m.put("PATH", BASE_PATH);
        m.put("LANG", "C.UTF-8");
        m.put("TERM", "xterm-256color");
        m.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        // /dev/null as the config file makes pip skip every other config file (global, user, site).
        m.put("PIP_CONFIG_FILE", "/dev/null");
        // A prompt (e.g. for credentials) must fail fast instead of hanging the test.
        m.put("PIP_NO_INPUT", "1");
        m.put("PYTHONDONTWRITEBYTECODE", "1");
        // The launcher script looks for java via JAVA_HOME; use the JDK running the tests.
        m.put("JAVA_HOME", System.getProperty("java.home"));
        return m;
    }

    /** {@link #map()} with {@code dir} searched before the system directories. */
    public Map<String, String> withPathFirst(Path dir) {
        return withPathFirst(map(), dir);
    }

    /** Prepends {@code dir} to the PATH of an existing map (mutates and returns it). */
    public static Map<String, String> withPathFirst(Map<String, String> env, Path dir) {
        String old = env.get("PATH");
        String first = dir.toAbsolutePath().toString();
        env.put("PATH", old == null || old.isEmpty() ? first : first + ":" + old);
        return env;
    }
}
