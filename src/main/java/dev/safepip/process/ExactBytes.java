package dev.safepip.process;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Arguments as the bytes the user gave, whatever their encoding. A byte that is not part of valid UTF-8 (a Latin-1
 * file name, say) is carried in a String as a lone low surrogate, U+DC80 to U+DCFF, as Python's surrogateescape
 * does; valid UTF-8 is decoded as usual. No Java String can reach a child's argv as such bytes (ProcessBuilder
 * encodes each argument), so a child whose argv holds one is started through a fixed POSIX sh script that turns
 * octal escapes back into the bytes and execs the child in its own place: same process, same signals. The script
 * is a constant; the arguments reach it as data, never as shell text. Plain loops only: the blocked path runs this.
 */
public final class ExactBytes {
    /** Decodes each "b"-marked argument's octal escapes with printf's %b (an "x" keeps %b off the end), then execs. */
    static final String SCRIPT = "n=$#\n"
            + "while [ \"$n\" -gt 0 ]; do\n"
            + "  a=$1; shift; n=$((n - 1))\n"
            + "  case $a in\n"
            + "    b*) a=$(printf '%bx' \"${a#b}\"); a=${a%x} ;;\n"
            + "    *) a=${a#?} ;;\n"
            + "  esac\n"
            + "  set -- \"$@\" \"$a\"\n"
            + "done\n"
            + "exec \"$@\"\n";
    private static final String SH = "/bin/sh";

    private ExactBytes() {
    }

    /** The bytes as a String: valid UTF-8 decoded, every other byte as U+DC00 plus the byte. */
    public static String decode(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3
                    : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            int code = length == 1 ? b : length == 2 ? b & 0x1f : length == 3 ? b & 0x0f : b & 0x07;
            boolean valid = length > 0 && i + length <= bytes.length;
            for (int k = 1; valid && k < length; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    valid = false;
                } else {
                    code = (code << 6) | (c & 0x3f);
                }
            }
            // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not valid UTF-8.
            if (valid && (length == 3 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))
                    || length == 4 && (code < 0x10000 || code > 0x10ffff))) {
                valid = false;
            }
            if (valid) {
                s.appendCodePoint(code);
                i += length;
            } else {
                s.append((char) (0xdc00 + b));
                i++;
            }
        }
        return s.toString();
    }

    /** The bytes a String stands for: the inverse of {@link #decode}. */
    public static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int code = Character.toCodePoint(c, s.charAt(i + 1));
                out.write(0xf0 | code >> 18);
                out.write(0x80 | (code >> 12 & 0x3f));
                out.write(0x80 | (code >> 6 & 0x3f));
                out.write(0x80 | (code & 0x3f));
                i++;
            } else if (c >= 0xdc80 && c <= 0xdcff) {
                out.write(c - 0xdc00);
            } else if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | c >> 6);
                out.write(0x80 | (c & 0x3f));
            } else {
                out.write(0xe0 | c >> 12);
                out.write(0x80 | (c >> 6 & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
        return out.toByteArray();
    }

    /** Whether the String carries a byte that is not valid UTF-8 (a lone U+DC80 to U+DCFF). */
    public static boolean hasRawBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (c >= 0xdc80 && c <= 0xdcff) {
                return true;
            }
        }
        return false;
    }

    /**
     * The argv to start: argv itself when every element is valid UTF-8 (the usual case, no extra process), else
     * /bin/sh with the fixed script and each element escaped, the program first.
     */
    public static List<String> argv(List<String> argv) {
        boolean raw = false;
        for (String arg : argv) {
            if (hasRawBytes(arg)) {
                raw = true;
                break;
            }
        }
        if (!raw) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 4);
        wrapped.add(SH);
        wrapped.add("-c");
        wrapped.add(SCRIPT);
        wrapped.add("sh");
        for (String arg : argv) {
            wrapped.add(escaped(arg));
        }
        return wrapped;
    }

    /** "x" and the element when it is valid UTF-8; else "b" and its bytes, non-ASCII and backslash as \0ooo. */
    static String escaped(String arg) {
        if (!hasRawBytes(arg)) {
            return "x" + arg;
        }
        StringBuilder s = new StringBuilder("b");
        for (byte value : encode(arg)) {
            int b = value & 0xff;
            if (b >= 0x80 || b == '\\') {
                s.append("\\0").append((char) ('0' + (b >> 6))).append((char) ('0' + (b >> 3 & 7)))
                        .append((char) ('0' + (b & 7)));
            } else {
                s.append((char) b);
            }
        }
        return s.toString();
    }
}
