package dev.safepip.python;

import java.nio.file.Path;

/**
 * A Python interpreter as far as PEP 668 cares.
 *
 * @param path     the path pip runs it by (venv detection needs this one, not the resolved one)
 * @param realPath the file behind all symlinks
 * @param version  "3.11", or null when not known
 * @param kind     system, venv or conda
 * @param prefix   sys.prefix
 * @param stdlib   sysconfig's stdlib folder, where the marker lives; null for venvs and conda
 * @param source   how this was learned
 */
public record Interpreter(Path path, Path realPath, String version, Kind kind, Path prefix, Path stdlib,
                          Source source) {

    public enum Kind {
        /** A base interpreter: PEP 668 applies if its stdlib has the marker. */
        SYSTEM,
        /** A virtual environment: never externally managed. */
        VENV,
        /** A conda environment: conda manages it, pip may install into it. */
        CONDA
    }

    public enum Source {
        /** Read from the files on disk, no process started. */
        LAYOUT,
        /** Asked the interpreter itself. */
        ASKED,
        /** An earlier answer of the interpreter, still valid. */
        CACHED
    }

    public Path marker() {
        return stdlib == null ? null : stdlib.resolve("EXTERNALLY-MANAGED");
    }
}
