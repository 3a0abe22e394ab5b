package dev.safepip.plan;

import dev.safepip.core.BoundedFile;
import dev.safepip.pip.Requirement;
import dev.safepip.python.ProjectName;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package names a blocked command concerns, from its arguments and its -r files, for the ledger. The files are
 * read as pip reads them (pip's src/pip/_internal/req/req_file.py: parse_requirements, _decode_req_file, preprocess,
 * break_args_options, _parse_and_recurse), so that what pip installed from them is what is recorded. A blocked
 * install runs this: plain loops, no regex, lambda or stream.
 */
public final class RequirementFiles {
    /** pip reads a file whole into memory; past this much in all, the rest is not read (and said). */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** The names, and one line for each file whose packages could not all be told. */
    public record Names(List<String> names, List<String> problems) {
    }

    private final Map<String, String> env;
    private final Set<String> names = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private long bytesRead;

    private RequirementFiles(Map<String, String> env) {
        this.env = env;
    }

    /** The names, with `${VAR}` in the files expanded from this process's environment (which pip inherits). */
    public static List<String> packageNames(BlockedCommand blocked, Path cwd) {
        return read(blocked, cwd, System.getenv()).names();
    }

    public static Names read(BlockedCommand blocked, Path cwd, Map<String, String> env) {
        RequirementFiles files = new RequirementFiles(env);
        for (String positional : blocked.line().positionals()) {
            files.addRequirement(positional);
        }
        for (String editable : blocked.line().values("--editable")) {
            files.addEditable(editable);
        }
        for (String file : blocked.line().values("--requirement")) {
            files.readFile(cwd, file, new ArrayList<>(), false);
        }
        return new Names(List.copyOf(files.names), List.copyOf(files.problems));
    }

    /** The names of one file's text as pip would read the file (for tests: no nested file is read). */
    static List<String> namesInText(String text, Map<String, String> env) {
        RequirementFiles files = new RequirementFiles(env);
        files.readLines(Path.of("/nonexistent/requirements.txt"), text, new ArrayList<>(), false);
        return List.copyOf(files.names);
    }

    /**
     * Reads the file named in a -r or -c line of the file whose folder is base (pip: os.path.join(dirname(filename),
     * req_path), made absolute), unless the chain of files that includes it already holds it: pip refuses that cycle.
     */
    private void readFile(Path base, String name, List<Path> chain, boolean constraint) {
        if (RequirementLine.isUrl(name)) {
            problems.add("the packages of " + name + " are not recorded: safepip does not fetch requirement files");
            return;
        }
        Path file;
        try {
            file = base.resolve(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add("the packages of " + name + " are not recorded: not a path");
            return;
        }
        if (chain.contains(file)) {
            problems.add(file + " includes itself (through " + chain.get(chain.size() - 1)
                    + "); pip refuses such a cycle");
            return;
        }
        if (bytesRead > MAX_BYTES) {
            problems.add("the packages of " + file + " are not recorded: the requirement files are larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB in all");
            return;
        }
        byte[] bytes;
        try {
            // A regular file only: `-r <(…)` is a pipe that pip has already emptied, a FIFO would block.
            bytes = BoundedFile.read(file, (int) (MAX_BYTES - bytesRead));
        } catch (IOException e) {
            problems.add("the packages of " + file + " are not recorded: " + reason(e));
            return;
        }
        bytesRead += bytes.length;
        if (bytesRead > MAX_BYTES) {
            problems.add("the packages of " + file + " are not recorded: the requirement files are larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB in all");
            return;
        }
        RequirementText.Decoded text = RequirementText.decode(bytes);
        if (text.problem() != null) {
            problems.add(file + ": " + text.problem());
        }
        chain.add(file);
        readLines(file, text.text(), chain, constraint);
        chain.remove(chain.size() - 1);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void readLines(Path file, String text, List<Path> chain, boolean constraint) {
        for (String line : RequirementText.logicalLines(text, env)) {
            RequirementLine parsed = RequirementLine.parse(line);
            if (parsed.problem() != null) {
                problems.add(file + ": " + parsed.problem() + ": " + line);
                continue;
            }
            if (!parsed.args().isEmpty()) {
                // A requirement; options on its line (--hash) apply to it, a -r on it is ignored, as by pip.
                if (!constraint) {
                    addRequirement(parsed.args());
                }
            } else if (parsed.editable() != null) {
                if (!constraint) {
                    addEditable(parsed.editable());
                }
            } else if (parsed.requirement() != null) {
                // pip reads a -r inside a constraints file as requirements (nested_constraint = False).
                readFile(file.getParent(), parsed.requirement(), chain, false);
            } else if (parsed.constraint() != null) {
                readFile(file.getParent(), parsed.constraint(), chain, true);
            }
        }
    }

    /** A requirement's name: a named one, `name @ url`, or a URL or path that says its name. */
    private void addRequirement(String text) {
        Requirement requirement = Requirement.parse(text);
        String name = requirement.named() ? requirement.name() : RequirementLine.nameOfUnnamed(text);
        if (name != null && !name.isEmpty()) {
            String normalized = ProjectName.normalize(name);
            if (ProjectName.isNormalized(normalized)) {
                names.add(normalized);
            }
        }
    }

    /** An editable's name is known only from its #egg= fragment; a local folder's only by building it. */
    private void addEditable(String text) {
        String name = RequirementLine.eggName(text);
        if (name != null) {
            String normalized = ProjectName.normalize(name);
            if (ProjectName.isNormalized(normalized)) {
                names.add(normalized);
            }
        }
    }
}
