package dev.safepip.plan;

/** The four ways out of a blocked command, by the word used for them in --via and in the ledger. */
public enum RouteKind {
    VENV("venv"), PIPX("pipx"), SYSTEM("apt"), BREAK("break");

    private final String word;

    RouteKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The kind for a word of --via or the ledger, or null. */
    public static RouteKind of(String word) {
        for (RouteKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        return null;
    }
}
