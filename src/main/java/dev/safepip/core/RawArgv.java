package dev.safepip.core;

import dev.safepip.process.ExactBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments exactly as given. The JVM decodes argv with the locale's encoding (sun.jnu.encoding), which the
 * launcher makes UTF-8: a byte that is not valid UTF-8 (a Latin-1 file name) would reach pip as U+FFFD. The kernel
 * keeps the real bytes in /proc/self/cmdline; they are read back, only when an argument is not plain ASCII, and
 * carried as {@link ExactBytes} Strings. Plain loops only: the blocked path runs this.
 */
public final class RawArgv {
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private RawArgv() {
    }

    public static String[] of(String[] args) {
        boolean ascii = true;
        for (int i = 0; i < args.length && ascii; i++) {
            String arg = args[i];
            for (int k = 0; k < arg.length(); k++) {
                if (arg.charAt(k) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
        }
        if (ascii) {
            return args;
        }
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(CMDLINE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc (another system): the JVM's decoding is the best there is.
            return args;
        }
        String[] exact = fromCmdline(cmdline, args);
        return exact != null ? exact : args;
    }

    /** The last args.length words of a NUL-separated command line, or null when they do not line up with args. */
    static String[] fromCmdline(byte[] cmdline, String[] args) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                byte[] word = new byte[i - start];
                System.arraycopy(cmdline, start, word, 0, word.length);
                words.add(ExactBytes.decode(word));
                start = i + 1;
            }
        }
        if (words.size() < args.length) {
            return null;
        }
        String[] exact = new String[args.length];
        int offset = words.size() - args.length;
        for (int i = 0; i < args.length; i++) {
            String word = words.get(offset + i);
            // Where the JVM decoded without loss (no U+FFFD), the two agree; else these are not our arguments.
            if (!word.equals(args[i]) && args[i].indexOf('\ufffd') < 0) {
                return null;
            }
            exact[i] = word;
        }
        return exact;
    }
}
