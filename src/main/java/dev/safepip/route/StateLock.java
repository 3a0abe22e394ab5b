package dev.safepip.route;

import dev.safepip.process.ChildSignals;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * An exclusive lock for one venv, held while safepip creates it or installs into it, so concurrent safepip runs
 * take turns. It lives in safepip's state folder, never in the user's tree; the kernel releases it if safepip dies.
 */
public final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for target, saying so through waiting when another safepip holds it; null when the user
     * pressed Ctrl-C while waiting (a blocking lock call would not wake up for it).
     */
    public static StateLock acquire(Path stateDir, Path target, Consumer<String> waiting) throws IOException {
        Path file = stateDir.resolve("locks").resolve(key(target) + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                waiting.accept("waiting for another safepip that is using " + target + " …");
            }
            while (lock == null) {
                if (ChildSignals.interrupted()) {
                    channel.close();
                    return null;
                }
                sleep();
                lock = channel.tryLock();
            }
            return new StateLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file name for a path: the same path always gives the same name. */
    public static String key(Path target) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(target.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
