package dev.safepip.config;

/** A resolved setting and where it came from ("--via", "SAFEPIP_VIA", "config line 3", "default"). */
public record Setting<T>(T value, String source) {
}
