package dev.safepip.plan;

import java.nio.file.Path;

/**
 * The virtual environment a blocked install goes to, and the rule that chose it.
 *
 * @param display the folder as shown to the user (with ~ for the home folder)
 * @param rule    why this one: "set by --venv", "the nearest .venv", "the project at …", "no project here"
 * @param skipped the first .venv or project passed over because this user may not trust it ("not using
 *                /shared/.venv: it belongs to alice, not to you"), said once; null when none was
 */
public record VenvChoice(Path dir, String display, String rule, String skipped) {
    public VenvChoice(Path dir, String display, String rule) {
        this(dir, display, rule, null);
    }
}
