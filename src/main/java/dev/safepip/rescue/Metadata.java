package dev.safepip.rescue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A distribution's name and version, from the headers of its METADATA (or an egg-info's PKG-INFO). */
record Metadata(String name, String version) {
    private static final int MAX_HEADER_LINES = 200;

    /** The metadata, or null when the folder has none safepip can read. */
    static Metadata read(Path distInfo) {
        Path file = distInfo.resolve(distInfo.getFileName().toString().endsWith(".dist-info") ? "METADATA"
                : "PKG-INFO");
        String name = null;
        String version = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < MAX_HEADER_LINES && (line = in.readLine()) != null && !line.isEmpty(); i++) {
                if (line.startsWith("Name:") && name == null) {
                    name = line.substring(5).strip();
                } else if (line.startsWith("Version:") && version == null) {
                    version = line.substring(8).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // A name or version that is not plain text is not one safepip will put on a command line.
        if (name == null || version == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                || !version.matches("[A-Za-z0-9][A-Za-z0-9.+!_-]*")) {
            return null;
        }
        return new Metadata(name, version);
    }
}
