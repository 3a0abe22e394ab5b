package dev.safepip.plan;

import java.nio.file.Path;

/**
 * The virtual environment a blocked install goes to, and the rule that chose it.
 *
 * @param display the folder as shown to the user (with ~ for the home folder)
 * @param rule    why this one: "set by --venv", "the nearest .venv", "the project at …", "no project here"
 */
public record VenvChoice(Path dir, String display, String rule) {
}
