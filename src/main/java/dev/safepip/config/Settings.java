package dev.safepip.config;

import java.nio.file.Path;

/**
 * safepip's settings after precedence: option, then environment, then config file, then default.
 *
 * @param venv null value when not set: the venv is then chosen by the rules of the venv route
 * @param prefer "venv" or "system": which route to offer first when apt could do it
 */
public record Settings(Setting<Via> via, Setting<Path> venv, Setting<Boolean> yes, Setting<Boolean> plan,
                       Setting<String> prefer, ConfigFile file, String inject) {

    public Settings(Setting<Via> via, Setting<Path> venv, Setting<Boolean> yes, Setting<Boolean> plan,
                    Setting<String> prefer, ConfigFile file) {
        this(via, venv, yes, plan, prefer, file, null);
    }

    public boolean preferSystem() {
        return "system".equals(prefer.value());
    }
}
