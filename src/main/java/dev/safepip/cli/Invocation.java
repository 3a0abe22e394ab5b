package dev.safepip.cli;

import dev.safepip.config.WrapperOptions;
import java.util.List;

/**
 * safepip's argv split in two: its own options, and either one of its own commands or everything for pip.
 *
 * @param ownCommand "doctor" (and later commands of safepip's own), or null when the rest goes to pip
 * @param rest       pip's argv with safepip's options taken out, or the own command's arguments
 */
public record Invocation(WrapperOptions options, String ownCommand, List<String> rest) {
}
