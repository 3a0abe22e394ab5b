package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipOptionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requirement files in every form pip accepts, each expectation taken from pip's own reading of them:
 * src/pip/_internal/req/req_file.py (pypa/pip main, 2026; the same in pip 23.0.1 but where said) — functions named
 * in each test.
 */
class RequirementFilesTest {
    @TempDir
    Path dir;

    private final PipArgvParser parser = new PipArgvParser(PipOptionTable.get());

    private RequirementFiles.Names read(String... argv) {
        return RequirementFiles.read(BlockedCommand.of(parser.parse(List.of(argv))), dir,
                Map.of("PKG_NAME", "pkgenv", "EMPTY", ""));
    }

    private List<String> names(String text) {
        return RequirementFiles.namesInText(text, Map.of("PKG_NAME", "pkgenv", "EMPTY", ""));
    }

    /** _parse_and_recurse: "-rfile" is optparse's short option with its value attached; paths join the includer's. */
    @Test
    void nestedFilesInEveryOptionSpellingRelativeToTheIncludingFile() throws IOException {
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.writeString(dir.resolve("reqs.txt"), "pkga\n-rsub/b.txt\n--requirement=sub/c.txt\n-r sub/d.txt\n"
                + "--requirement sub/e.txt\n--requirem sub/f.txt\n--req sub/x.txt\n");
        Files.writeString(dir.resolve("sub/b.txt"), "pkgb\n-r deeper/g.txt\n");
        Files.writeString(dir.resolve("sub/c.txt"), "pkgc\n");
        Files.writeString(dir.resolve("sub/d.txt"), "pkgd\n");
        Files.writeString(dir.resolve("sub/e.txt"), "pkge\n");
        Files.writeString(dir.resolve("sub/f.txt"), "pkgf\n");
        Files.writeString(dir.resolve("sub/deeper/g.txt"), "pkgg\n");
        RequirementFiles.Names names = read("install", "-r", "reqs.txt");
        assertEquals(List.of("pkga", "pkgb", "pkgg", "pkgc", "pkgd", "pkge", "pkgf"), names.names());
        // optparse takes an abbreviation of one option only: "--req" could be --require-hashes too, pip refuses it.
        assertEquals(1, names.problems().size(), names.problems().toString());
        assertTrue(names.problems().get(0).contains("--req sub/x.txt"), names.problems().toString());
    }

    /** _decode_req_file: a BOM names the encoding and is dropped (BOMS, in pip's order). */
    @Test
    void byteOrderMarks() throws IOException {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "pkga\n# é\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("utf8.txt"), utf8);
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "pkgb\r\n".getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("utf16.txt"), utf16);
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "pkgc\n".getBytes(StandardCharsets.UTF_16BE));
        Files.write(dir.resolve("utf16be.txt"), utf16be);
        assertEquals(List.of("pkga", "pkgb", "pkgc"),
                read("install", "-r", "utf8.txt", "-r", "utf16.txt", "-r", "utf16be.txt").names());
    }

    /** _decode_req_file (pip 23.0.1: auto_decode): a PEP 263 coding line among the first two lines. */
    @Test
    void aCodingLineNamesTheEncoding() throws IOException {
        Files.write(dir.resolve("latin.txt"), "# -*- coding: latin-1 -*-\n# Jürgen's\npkga  # café\npkgb\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("second.txt"), "#!/usr/bin/env whatever\n# vim: set fileencoding=latin1 :\npkgc\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        RequirementFiles.Names names = read("install", "-r", "latin.txt", "-r", "second.txt");
        assertEquals(List.of("pkga", "pkgb", "pkgc"), names.names());
        assertEquals(List.of(), names.problems());
    }

    /** join_lines, ignore_comments (COMMENT_RE), expand_env_variables (ENV_VAR_RE), splitlines' boundaries. */
    @Test
    void continuationsCommentsAndVariables() {
        assertEquals(List.of("pkga"), names("pkg\\\na  # joined\n"));
        assertEquals(List.of("pkgb"), names("# pkgx \\\npkgb\n"), "a comment line does not join the next");
        assertEquals(List.of("pkgc"), names("pkgc \\\n# ends the joined line\n"));
        assertEquals(List.of(), names("pkgd#no-space-so-no-comment\n"), "pip refuses pkgd#x: nothing is named");
        assertEquals(List.of("pkgenv"), names("${PKG_NAME}\npkg${EMPTY}e\n${UNSET}\n$PKG_NAME\n"));
        assertEquals(List.of("pkgf", "pkgg", "pkgh"), names("pkgf\rpkgg\r\npkgh\u000c"));
        assertEquals(List.of(), names("   \n\t# only comments\n#pkgx\n"));
    }

    /** break_args_options, handle_requirement_line: options after a requirement apply to it; options lines name none. */
    @Test
    void optionsLinesAndOptionsOnARequirementsLine() {
        assertEquals(List.of("pkga", "pkgb"), names("-i https://i.example/simple\n--extra-index-url=https://x\n"
                + "--no-index\n-f ./wheels\n--trusted-host h\n--pre\n--prefer-binary\n--require-hashes\n"
                + "pkga==1.0 --hash=sha256:abc \\\n    --hash=sha256:def\n"
                + "pkgb>=1 ; python_version >= \"3\"\n"));
        assertEquals(List.of("pkga"), names("pkga -r other.txt\n"), "a -r after a requirement is not followed");
        assertEquals(List.of("pkgc"), names("--frobnicate\npkgc\n-Z x\n--re x\n"), "lines pip refuses name nothing");
        assertEquals(List.of("pkgd"), names("pkgd\n-c constraints.txt\n"));
    }

    /** install_req_from_line and parse_editable: URLs, `name @ url`, wheel files, #egg= fragments, -e. */
    @Test
    void urlsPathsAndEditables() {
        assertEquals(List.of("pkga", "pkg-b", "pkgc", "pkgd", "pkg-e"), names(
                "pkga @ https://example.org/pkga-1.0.tar.gz\n"
                + "pkg_b[extra] @ file:///tmp/pkg_b-1.0-py3-none-any.whl ; python_version > \"3\"\n"
                + "https://example.org/wheels/pkgc-2.0-py3-none-any.whl\n"
                + "./dist/pkgd-1.0-py3-none-any.whl\n"
                + "git+https://user@example.org/pkg-e.git#egg=pkg_e\n"
                + "./some/folder\n"
                + "https://example.org/x-1.0.tar.gz\n"));
        assertEquals(List.of("pkgf"), names("-e git+https://example.org/f.git#egg=pkgf\n-e ./local\n"
                + "--editable=./other\n"));
    }

    /** _parse_and_recurse: a file that includes itself is refused by pip; a missing one too. One line each. */
    @Test
    void aCycleAndAMissingFileEachGiveOneLine() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "pkga\n-r b.txt\n");
        Files.writeString(dir.resolve("b.txt"), "pkgb\n-r ./a.txt\n-r missing.txt\n");
        RequirementFiles.Names names = read("install", "-r", "a.txt");
        assertEquals(List.of("pkga", "pkgb"), names.names());
        assertEquals(2, names.problems().size(), names.problems().toString());
        assertTrue(names.problems().get(0).contains("a.txt includes itself"), names.problems().toString());
        assertTrue(names.problems().get(1).contains("missing.txt") && names.problems().get(1).contains("not exist"),
                names.problems().toString());
        for (String problem : names.problems()) {
            assertTrue(problem.lines().count() == 1, problem);
        }
    }

    /** Constraint files constrain, they install nothing; a -r inside one is read as requirements, as pip does. */
    @Test
    void constraintFilesNameNothing() throws IOException {
        Files.writeString(dir.resolve("c.txt"), "pkgx==1\n-r r.txt\n");
        Files.writeString(dir.resolve("r.txt"), "pkgr\n");
        Files.writeString(dir.resolve("reqs.txt"), "pkga\n-c c.txt\n");
        assertEquals(List.of("pkga", "pkgr"), read("install", "-r", "reqs.txt").names());
    }

    /** A pipe (`-r <(…)`, which pip has emptied), a folder, a huge file: one line, never a hang or an error. */
    @Test
    void whatCannotBeReadIsSaidInOneLine() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createDirectories(dir.resolve("folder"));
        Path huge = dir.resolve("huge.txt");
        try (var out = Files.newOutputStream(huge)) {
            byte[] comments = ("# " + "x".repeat(1022) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= RequirementFiles.MAX_BYTES / comments.length; i++) {
                out.write(comments);
            }
        }
        RequirementFiles.Names names = read("install", "pkga", "-r", "fifo", "-r", "folder", "-r", "huge.txt");
        assertEquals(List.of("pkga"), names.names());
        assertEquals(3, names.problems().size(), names.problems().toString());
        assertTrue(names.problems().get(2).contains("larger than"), names.problems().toString());
    }

    /** The positional requirements of the command line, in the same forms. */
    @Test
    void theCommandLinesOwnRequirements() {
        assertEquals(List.of("pkga", "pkgb", "pkgc"), read("install", "pkgA>=1", "pkgb @ https://e.org/b.zip",
                "./pkgc-1.0-py3-none-any.whl", "./folder").names());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
