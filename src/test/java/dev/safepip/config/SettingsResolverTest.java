package dev.safepip.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsResolverTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path cwd;
    private Path configHome;
    private Path configFile;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        cwd = Files.createDirectories(tmp.resolve("work"));
        configHome = tmp.resolve("xdg-config");
        configFile = configHome.resolve("safepip/config");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", configHome.toString());
    }

    private World world() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new World(Map.copyOf(env), cwd, new World.Tty(false, false, false), null, null, sink, sink,
                InputStream.nullInputStream());
    }

    private void config(String text) throws IOException {
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, text, StandardCharsets.UTF_8);
    }

    private Settings resolve(WrapperOptions options) {
        return new SettingsResolver(world()).resolve(options);
    }

    private static WrapperOptions via(String via) {
        return new WrapperOptions(via, null, false, false, false);
    }

    private SafepipException failure(WrapperOptions options) {
        return assertThrows(SafepipException.class, () -> resolve(options));
    }

    @Test
    void defaultsWithNoOptionNoEnvironmentAndNoFile() {
        Settings s = resolve(WrapperOptions.none());
        assertAll(
                () -> assertEquals(Via.ASK, s.via().value()),
                () -> assertEquals("default", s.via().source()),
                () -> assertNull(s.venv().value()),
                () -> assertEquals("default", s.venv().source()),
                () -> assertEquals(false, s.yes().value()),
                () -> assertEquals("default", s.yes().source()),
                () -> assertEquals(false, s.plan().value()),
                () -> assertEquals("venv", s.prefer().value()),
                () -> assertEquals(configFile, s.file().path()),
                () -> assertFalse(s.file().exists()));
    }

    @Test
    void theConfigFileLivesUnderXdgConfigHomeOrHomeConfig() {
        assertEquals(configFile, SettingsResolver.configPath(world()));
        env.put("XDG_CONFIG_HOME", "relative/ignored");
        assertEquals(home.resolve(".config/safepip/config"), SettingsResolver.configPath(world()));
        env.remove("XDG_CONFIG_HOME");
        assertEquals(home.resolve(".config/safepip/config"), SettingsResolver.configPath(world()));
    }

    @Test
    void precedenceOptionThenEnvironmentThenConfigThenDefault() throws IOException {
        config("# safepip\n\nvia = apt\nvenv = ~/from-config\nyes = true\n");
        env.put("SAFEPIP_VIA", "pipx");

        Settings fromOption = resolve(via("venv"));
        assertEquals(Via.VENV, fromOption.via().value());
        assertEquals("--via", fromOption.via().source());

        Settings fromEnv = resolve(WrapperOptions.none());
        assertEquals(Via.PIPX, fromEnv.via().value());
        assertEquals("SAFEPIP_VIA", fromEnv.via().source());

        env.put("SAFEPIP_VIA", "");   // empty counts as unset
        Settings fromFile = resolve(WrapperOptions.none());
        assertEquals(Via.APT, fromFile.via().value());
        assertEquals(configFile + " line 3", fromFile.via().source());
        assertEquals(home.resolve("from-config"), fromFile.venv().value());
        assertEquals(configFile + " line 4", fromFile.venv().source());
        assertEquals(true, fromFile.yes().value());
        assertEquals(configFile + " line 5", fromFile.yes().source());
        assertTrue(fromFile.file().exists());
    }

    @Test
    void venvFromEachPlaceAndHowItIsExpanded() throws IOException {
        config("venv = relative/v\n");
        Settings file = resolve(WrapperOptions.none());
        assertEquals(cwd.resolve("relative/v"), file.venv().value());

        env.put("SAFEPIP_VENV", "~/venvs/env");
        Settings fromEnv = resolve(WrapperOptions.none());
        assertEquals(home.resolve("venvs/env"), fromEnv.venv().value());
        assertEquals("SAFEPIP_VENV", fromEnv.venv().source());

        Settings option = resolve(new WrapperOptions(null, "~", false, false, false));
        assertEquals(home, option.venv().value());
        assertEquals("--venv", option.venv().source());

        Settings absolute = resolve(new WrapperOptions(null, "/srv/x/../venv", false, false, false));
        assertEquals(Path.of("/srv/venv"), absolute.venv().value());
    }

    @Test
    void yesAndPlanFromTheOptions() throws IOException {
        config("yes = no\n");
        env.put("SAFEPIP_YES", "0");
        Settings s = resolve(new WrapperOptions(null, null, true, true, false));
        assertEquals(true, s.yes().value());
        assertEquals("--yes", s.yes().source());
        assertEquals(true, s.plan().value());
        assertEquals("--plan", s.plan().source());
    }

    @ParameterizedTest(name = "[{index}] SAFEPIP_YES={0}")
    @CsvSource({"1,true", "true,true", "yes,true", "on,true", "TRUE,true", " Yes ,true",
                "0,false", "false,false", "no,false", "off,false", "OFF,false"})
    void safepipYesAcceptsTheUsualWords(String raw, boolean expected) {
        env.put("SAFEPIP_YES", raw);
        Settings s = resolve(WrapperOptions.none());
        assertEquals(expected, s.yes().value());
        assertEquals("SAFEPIP_YES", s.yes().source());
    }

    @Test
    void viaWordsIgnoreCaseAndSpaces() {
        assertEquals(Via.BREAK, resolve(via(" BREAK ")).via().value());
        assertEquals(Via.FAIL, resolve(via("fail")).via().value());
    }

    @Test
    void aBadOptionSaysItCameFromTheOption() {
        SafepipException e = failure(via("nope"));
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().startsWith("--via = 'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("ask, venv, pipx, apt, break, fail"), e.getMessage());
    }

    @Test
    void aBadVariableSaysWhichVariable() {
        env.put("SAFEPIP_VIA", "sideways");
        SafepipException e = failure(WrapperOptions.none());
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().startsWith("SAFEPIP_VIA = 'sideways'"), e.getMessage());

        env.remove("SAFEPIP_VIA");
        env.put("SAFEPIP_YES", "maybe");
        SafepipException yes = failure(WrapperOptions.none());
        assertEquals(64, yes.exitCode());
        assertTrue(yes.getMessage().startsWith("SAFEPIP_YES = 'maybe'"), yes.getMessage());
        assertTrue(yes.getMessage().contains("1/true/yes/on or 0/false/no/off"), yes.getMessage());

        env.remove("SAFEPIP_YES");
        env.put("SAFEPIP_VENV", "   ");
        SafepipException venv = failure(WrapperOptions.none());
        assertEquals(64, venv.exitCode());
        assertTrue(venv.getMessage().startsWith("SAFEPIP_VENV = '   '"), venv.getMessage());
    }

    @Test
    void aBadConfigValueNamesTheFileAndLine() throws IOException {
        config("# comment\nyes = 1\nprefer = apt-first\n");
        SafepipException e = failure(WrapperOptions.none());
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().startsWith(configFile + " line 3: prefer = 'apt-first'"), e.getMessage());

        config("via = teleport\n");
        SafepipException via = failure(WrapperOptions.none());
        assertTrue(via.getMessage().startsWith(configFile + " line 1: via = 'teleport'"), via.getMessage());
    }

    @Test
    void aBadConfigValueIsNotReachedWhenTheEnvironmentOverridesIt() throws IOException {
        config("via = teleport\n");
        env.put("SAFEPIP_VIA", "venv");
        assertEquals(Via.VENV, resolve(WrapperOptions.none()).via().value());
    }

    @Test
    void anUnknownConfigKeyIsAnErrorWithItsLine() throws IOException {
        config("via = venv\n\n# a comment\nvai = pipx\n");
        SafepipException e = failure(via("venv"));
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().contains(configFile + " line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'vai'"), e.getMessage());
        assertTrue(e.hint().contains("prefer, venv, via, yes"), e.hint());
    }

    @Test
    void aLineWithoutKeyAndValueIsAnError() throws IOException {
        config("via venv\n");
        SafepipException e = failure(WrapperOptions.none());
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().contains("line 1: expected 'key = value'"), e.getMessage());
    }

    @Test
    void preferComesOnlyFromTheFile() throws IOException {
        config("prefer = System\r\n");
        Settings s = resolve(WrapperOptions.none());
        assertEquals("system", s.prefer().value());
        assertEquals(configFile + " line 1", s.prefer().source());
    }
}
