package dev.safepip.config;

/**
 * safepip's own options as given on the command line, before pip's command; null or false when absent.
 *
 * @param inject the pipx application to add libraries to (`--inject=APP`), or null
 */
public record WrapperOptions(String via, String venv, boolean yes, boolean plan, boolean help, String inject) {

    public WrapperOptions(String via, String venv, boolean yes, boolean plan, boolean help) {
        this(via, venv, yes, plan, help, null);
    }

    public static WrapperOptions none() {
        return new WrapperOptions(null, null, false, false, false, null);
    }
}
