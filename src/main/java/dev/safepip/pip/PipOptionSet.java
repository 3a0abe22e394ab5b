package dev.safepip.pip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options one pip parser accepts, looked up the way Python's optparse does it. */
public final class PipOptionSet {
    private final Map<String, PipOption> longNames = new HashMap<>();
    private final Map<Character, PipOption> shortNames = new HashMap<>();

    PipOptionSet(List<PipOption> options) {
        for (PipOption option : options) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    longNames.put(name, option);
                } else {
                    shortNames.put(name.charAt(1), option);
                }
            }
        }
    }

    /**
     * A long option by name, or by an unambiguous prefix as optparse allows (`--no-dep`). Two spellings of one
     * option still make a prefix ambiguous, as in optparse. Null when unknown or ambiguous.
     */
    public PipOption matchLong(String name) {
        PipOption exact = longNames.get(name);
        if (exact != null) {
            return exact;
        }
        List<String> candidates = new ArrayList<>();
        for (String known : longNames.keySet()) {
            if (known.startsWith(name)) {
                candidates.add(known);
            }
        }
        return candidates.size() == 1 ? longNames.get(candidates.get(0)) : null;
    }

    public PipOption matchShort(char letter) {
        return shortNames.get(letter);
    }
}
