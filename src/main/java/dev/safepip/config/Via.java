package dev.safepip.config;

import java.util.Locale;

/** How a blocked install is redone. */
public enum Via {
    ASK, VENV, PIPX, APT, BREAK, FAIL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a word, or null when the word is not one of them. */
    public static Via parse(String word) {
        for (Via via : values()) {
            if (via.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return via;
            }
        }
        return null;
    }

    public static String words() {
        StringBuilder list = new StringBuilder();
        for (Via via : values()) {
            list.append(list.length() == 0 ? "" : ", ").append(via.word());
        }
        return list.toString();
    }
}
