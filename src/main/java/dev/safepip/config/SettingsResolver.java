package dev.safepip.config;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

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
        Setting<Via> via = pick(options.via(), "--via", "SAFEPIP_VIA", file, "via", Via.ASK, raw -> {
            Via parsed = Via.parse(raw);
            if (parsed == null) {
                throw new IllegalArgumentException("must be one of " + Via.words());
            }
            return parsed;
        });
        Setting<Path> venv = pick(options.venv(), "--venv", "SAFEPIP_VENV", file, "venv", null, this::toPath);
        Setting<Boolean> yes = options.yes() ? new Setting<>(true, "--yes")
                : pick(null, null, "SAFEPIP_YES", file, "yes", false, SettingsResolver::toBoolean);
        Setting<String> prefer = pick(null, null, null, file, "prefer", "venv", raw -> {
            String word = raw.toLowerCase(Locale.ROOT);
            if (!word.equals("venv") && !word.equals("system")) {
                throw new IllegalArgumentException("must be venv or system");
            }
            return word;
        });
        return new Settings(via, venv, yes, new Setting<>(options.plan(), options.plan() ? "--plan" : "default"),
                prefer, file, options.inject());
    }

    private <T> Setting<T> pick(String option, String optionName, String variable, ConfigFile file, String key,
                                T fallback, Function<String, T> parse) {
        if (option != null) {
            return new Setting<>(parseOrFail(option, optionName, parse), optionName);
        }
        String fromEnv = variable == null ? null : world.getenv(variable);
        if (fromEnv != null) {
            return new Setting<>(parseOrFail(fromEnv, variable, parse), variable);
        }
        ConfigFile.Entry entry = file.get(key);
        if (entry != null) {
            return new Setting<>(parseOrFail(entry.value(), file.describe(key) + ": " + key, parse),
                    file.describe(key));
        }
        return new Setting<>(fallback, "default");
    }

    private static <T> T parseOrFail(String raw, String where, Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            throw SafepipException.usage(where + " = '" + raw + "': " + e.getMessage(),
                    "see safepip --help for the accepted values");
        }
    }

    private Path toPath(String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("must name a folder");
        }
        String expanded = raw.equals("~") ? world.home().toString()
                : raw.startsWith("~/") ? world.home().resolve(raw.substring(2)).toString() : raw;
        return world.cwd().resolve(expanded).normalize();
    }

    private static Boolean toBoolean(String raw) {
        String word = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw new IllegalArgumentException("must be 1/true/yes/on or 0/false/no/off");
    }
}
