package dev.safepip.pip;

import java.util.List;

/** One of pip's options: all its spellings, and whether it takes a value. The first long name is its key. */
public record PipOption(List<String> names, boolean takesValue) {

    public String key() {
        for (String name : names) {
            if (name.startsWith("--")) {
                return name;
            }
        }
        return names.get(0);
    }
}
