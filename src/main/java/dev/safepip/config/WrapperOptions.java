package dev.safepip.config;

/**
 * safepip's own options as given on the command line, before pip's command; null or false when absent.
 */
public record WrapperOptions(String via, String venv, boolean yes, boolean plan, boolean help) {
    public static WrapperOptions none() {
        return new WrapperOptions(null, null, false, false, false);
    }
}
