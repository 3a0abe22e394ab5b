package dev.safepip.config;

import dev.safepip.core.Ascii;
import dev.safepip.core.SafepipPaths;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Resolves each setting by precedence — option, environment, config file, default — and validates it. */
public final class SettingsResolver {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off");

    private final World world;

    public SettingsResolver(World world) {
        this.world = world;
    }

    public static Path configPath(World world) {
        return new SafepipPaths(world).configFile();
    }

    public Settings resolve(WrapperOptions options) {
        ConfigFile file = ConfigFile.read(configPath(world));
        // Plain calls rather than a parser function per setting: this runs on every blocked install, and on JDK 17
        // the first lambda of a run costs about 5 ms.
        Found rawVia = find(options.via(), "--via", "SAFEPIP_VIA", file, "via");
        Setting<Via> via = rawVia == null ? new Setting<>(Via.ASK, "default")
                : new Setting<>(toVia(rawVia), rawVia.source());
        Found rawVenv = find(options.venv(), "--venv", "SAFEPIP_VENV", file, "venv");
        Setting<Path> venv = rawVenv == null ? new Setting<>(null, "default")
                : new Setting<>(toPath(rawVenv), rawVenv.source());
        Found rawYes = options.yes() ? null : find(null, null, "SAFEPIP_YES", file, "yes");
        Setting<Boolean> yes = options.yes() ? new Setting<>(true, "--yes")
                : rawYes == null ? new Setting<>(false, "default") : new Setting<>(toBoolean(rawYes), rawYes.source());
        Found rawPrefer = find(null, null, null, file, "prefer");
        Setting<String> prefer = rawPrefer == null ? new Setting<>("venv", "default")
                : new Setting<>(toPrefer(rawPrefer), rawPrefer.source());
        return new Settings(via, venv, yes, new Setting<>(options.plan(), options.plan() ? "--plan" : "default"),
                prefer, file, options.inject());
    }

    /** A setting's raw value, where it was read ("--via", "SAFEPIP_VIA", the config line) and its source's name. */
    private record Found(String value, String where, String source) {
        SafepipException invalid(String why) {
            return SafepipException.usage(where + " = '" + Ascii.visible(value) + "': " + why,
                    "see safepip --help for the accepted values");
        }
    }

    /** The option, else the variable, else the config file's entry; null when none sets it. */
    private Found find(String option, String optionName, String variable, ConfigFile file, String key) {
        if (option != null) {
            return new Found(option, optionName, optionName);
        }
        String fromEnv = variable == null ? null : world.getenv(variable);
        if (fromEnv != null) {
            return new Found(fromEnv, variable, variable);
        }
        ConfigFile.Entry entry = file.get(key);
        if (entry != null) {
            return new Found(entry.value(), file.describe(key) + ": " + key, file.describe(key));
        }
        return null;
    }

    private static Via toVia(Found raw) {
        Via parsed = Via.parse(raw.value());
        if (parsed == null) {
            throw raw.invalid("must be one of " + Via.words());
        }
        return parsed;
    }

    private static String toPrefer(Found raw) {
        String word = raw.value().toLowerCase(Locale.ROOT);
        if (!word.equals("venv") && !word.equals("system")) {
            throw raw.invalid("must be venv or system");
        }
        return word;
    }

    private Path toPath(Found found) {
        String raw = found.value();
        if (raw.isBlank()) {
            throw found.invalid("must name a folder");
        }
        try {
            String expanded = raw.equals("~") ? world.home().toString()
                    : raw.startsWith("~/") ? world.home().resolve(raw.substring(2)).toString() : raw;
            return world.cwd().resolve(expanded).normalize();
        } catch (InvalidPathException e) {
            throw found.invalid(e.getMessage());
        }
    }

    private static Boolean toBoolean(Found raw) {
        String word = raw.value().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw raw.invalid("must be 1/true/yes/on or 0/false/no/off");
    }
}
