package dev.safepip.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment pip and helpers get: the user's own, with two deliberate changes. SAFEPIP_DEPTH counts how deep
 * safepip is nested, so that a pip that leads back to safepip ends in an error instead of a loop; and
 * JAVA_TOOL_OPTIONS, which the launcher hid from safepip's JVM, is given back.
 */
public final class ChildEnvironment {
    public static final String DEPTH = "SAFEPIP_DEPTH";

    private ChildEnvironment() {
    }

    public static Map<String, String> of(Map<String, String> env, int depth, String javaToolOptions) {
        Map<String, String> child = new HashMap<>(env);
        child.put(DEPTH, Integer.toString(depth + 1));
        if (javaToolOptions != null) {
            child.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        return child;
    }
}
