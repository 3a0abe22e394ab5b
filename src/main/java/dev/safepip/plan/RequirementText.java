package dev.safepip.plan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A requirements file's text and its logical lines, as pip makes them (src/pip/_internal/req/req_file.py:
 * _decode_req_file, then preprocess: splitlines, join_lines, ignore_comments, expand_env_variables). By hand, with
 * loops: a blocked install runs this.
 */
final class RequirementText {
    private RequirementText() {
    }

    /** The text, and what could not be decoded as pip would (then decoded leniently), or null. */
    record Decoded(String text, String problem) {
    }

    /** pip's BOMS, in its order (a UTF-16 LE BOM is the start of a UTF-32 LE one). */
    private static final byte[][] BOMS = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFF, (byte) 0xFE, 0, 0},
        {0, 0, (byte) 0xFE, (byte) 0xFF},
        {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xFF, (byte) 0xFE},
    };
    private static final Charset[] BOM_CHARSETS = {StandardCharsets.UTF_8, Charset.forName("UTF-32LE"),
        Charset.forName("UTF-32BE"), StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE};

    /**
     * pip's _decode_req_file: a BOM names the encoding; else a PEP 263 line (`# -*- coding: latin-1 -*-`) among the
     * first two; else UTF-8 (pip then falls back to the locale's encoding: here, bytes that are not UTF-8 are
     * replaced, which only a comment or a name pip would refuse has).
     */
    static Decoded decode(byte[] data) {
        for (int i = 0; i < BOMS.length; i++) {
            if (startsWith(data, BOMS[i])) {
                return lenient(data, BOMS[i].length, BOM_CHARSETS[i], null);
            }
        }
        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart <= data.length; line++) {
            int end = lineStart;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (end > lineStart && data[lineStart] == '#') {
                String coding = codingOf(data, lineStart, end);
                if (coding != null) {
                    Charset charset = charset(coding);
                    if (charset == null) {
                        return lenient(data, 0, StandardCharsets.UTF_8, "unknown encoding " + coding
                                + " (pip refuses it); read as UTF-8");
                    }
                    return lenient(data, 0, charset, null);
                }
            }
            lineStart = end + 1;
        }
        return lenient(data, 0, StandardCharsets.UTF_8, null);
    }

    private static Decoded lenient(byte[] data, int from, Charset charset, String problem) {
        try {
            return new Decoded(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, data.length - from)).toString(), problem);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(data, from, data.length - from, charset),
                    problem != null ? problem : "not valid " + charset.name() + "; what could not be read is left out");
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** pip's PEP263_ENCODING_RE, rb"coding[:=]\s*([-\w.]+)", searched in data[from, to): the encoding, or null. */
    static String codingOf(byte[] data, int from, int to) {
        byte[] word = {'c', 'o', 'd', 'i', 'n', 'g'};
        for (int at = from; at + word.length < to; at++) {
            boolean match = true;
            for (int i = 0; i < word.length && match; i++) {
                match = data[at + i] == word[i];
            }
            if (!match || data[at + word.length] != ':' && data[at + word.length] != '=') {
                continue;
            }
            int start = at + word.length + 1;
            // Python's bytes \s: space, \t \n \r \f \v.
            while (start < to && (data[start] == ' ' || data[start] >= '\t' && data[start] <= '\r')) {
                start++;
            }
            int end = start;
            while (end < to && isWordOrDashOrDot(data[end])) {
                end++;
            }
            if (end > start) {
                return new String(data, start, end - start, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static boolean isWordOrDashOrDot(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
                || b == '.';
    }

    /**
     * The Java charset of a Python codec name: Python normalizes the name (lower case, `-` and spaces as `_`) and
     * knows aliases Java does not (latin-1, latin_1, utf8, u8); anything else is tried as Java names it.
     */
    static Charset charset(String coding) {
        StringBuilder normalized = new StringBuilder(coding.length());
        for (int i = 0; i < coding.length(); i++) {
            char c = coding.charAt(i);
            normalized.append(c == '-' || c == ' ' ? '_' : Character.toLowerCase(c));
        }
        switch (normalized.toString()) {
            case "latin_1", "latin1", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819", "latin" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4" -> {
                return StandardCharsets.UTF_8;
            }
            case "utf_8_sig" -> {
                return StandardCharsets.UTF_8;
            }
            case "ascii", "us_ascii", "646" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> {
                try {
                    return Charset.forName(coding);
                } catch (RuntimeException e) {
                    try {
                        return Charset.forName(normalized.toString().replace('_', '-'));
                    } catch (RuntimeException again) {
                        return null;
                    }
                }
            }
        }
    }

    /** pip's preprocess: the lines, joined, without comments, with ${VAR} expanded, without empty ones. */
    static List<String> logicalLines(String text, Map<String, String> env) {
        List<String> joined = joinLines(splitLines(text));
        List<String> lines = new ArrayList<>(joined.size());
        for (String line : joined) {
            String kept = strip(withoutComment(line));
            if (!kept.isEmpty()) {
                lines.add(expand(kept, env));
            }
        }
        return lines;
    }

    /** Python's str.splitlines: every line boundary it knows, \r\n as one. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c >= '\u001C' && c <= '\u001E'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * pip's join_lines: a line ending in a backslash is joined with the next (its backslashes stripped at both ends,
     * as line.strip("\\") does), except a comment line, which also ends a joined line.
     */
    static List<String> joinLines(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : lines) {
            boolean comment = isComment(line);
            if (!line.endsWith("\\") || comment) {
                String whole = comment ? " " + line : line;
                if (pending != null) {
                    joined.add(pending.append(whole).toString());
                    pending = null;
                } else {
                    joined.add(whole);
                }
            } else {
                if (pending == null) {
                    pending = new StringBuilder();
                }
                pending.append(stripBackslashes(line));
            }
        }
        if (pending != null) {
            joined.add(pending.toString());
        }
        return joined;
    }

    /** COMMENT_RE.match, `(^|\s+)#.*$` at the start: the first character past leading white space is `#`. */
    private static boolean isComment(String line) {
        int i = 0;
        while (i < line.length() && isPythonSpace(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '#';
    }

    /** COMMENT_RE.sub("", line): from the first `#` at the start or after white space, with that white space. */
    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || isPythonSpace(line.charAt(i - 1)))) {
                int start = i;
                while (start > 0 && isPythonSpace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(0, start);
            }
        }
        return line;
    }

    private static String stripBackslashes(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) == '\\') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == '\\') {
            to--;
        }
        return line.substring(from, to);
    }

    /** Python's str.strip(): Unicode white space at both ends. */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isPythonSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isPythonSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Python's str.isspace for one character (which also counts the separators \x1c to \x1f). */
    static boolean isPythonSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F' || c == '\u0085'
                || c == '\u00A0' || Character.isSpaceChar(c);
    }

    /**
     * pip's expand_env_variables: `${NAME}`, NAME of A-Z, 0-9 and _, replaced by the variable's value when it is set
     * and not empty; left as it is otherwise.
     */
    static String expand(String line, Map<String, String> env) {
        if (line.indexOf("${") < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            if (line.startsWith("${", i)) {
                int end = i + 2;
                while (end < line.length() && isVariableChar(line.charAt(end))) {
                    end++;
                }
                if (end > i + 2 && end < line.length() && line.charAt(end) == '}') {
                    String value = env.get(line.substring(i + 2, end));
                    if (value != null && !value.isEmpty()) {
                        out.append(value);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(line.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static boolean isVariableChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
