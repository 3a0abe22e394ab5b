package dev.safepip.pip;

/** One occurrence of an option on pip's command line; value is null for a flag. */
public record OptionUse(PipOption option, String value) {
    public boolean is(String key) {
        return option.names().contains(key);
    }
}
