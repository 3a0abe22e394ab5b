package dev.safepip.pip;

/**
 * One occurrence of an option on pip's command line.
 *
 * @param value   null for a flag
 * @param general true when it came before the command, where pip's main parser reads it
 * @param start   the index in argv of its first word
 * @param end     the index after its last word (its value may be the next word)
 */
public record OptionUse(PipOption option, String value, boolean general, int start, int end) {
    public boolean is(String key) {
        return option.names().contains(key);
    }
}
