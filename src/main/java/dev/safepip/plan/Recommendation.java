package dev.safepip.plan;

/** The route safepip recommends, and why, in one line. */
public record Recommendation(Route route, String reason) {
}
