package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.core.StateFiles;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.ChildWatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * An exclusive lock for one venv, held while safepip creates it or installs into it, so concurrent safepip runs
 * take turns. It lives in safepip's state folder, never in the user's tree; the kernel releases it if safepip dies.
 *
 * <p>The kernel does not pass the lock on to the children safepip starts, and a JVM killed alone (the OOM killer,
 * `kill -9` of the JVM) leaves its child writing into the venv. So the lock is also a {@link ChildWatch}: it notes
 * each child it guards beside the lock file, and whoever takes the lock next waits for a noted child that still
 * runs before it touches the venv.
 */
public final class StateLock implements AutoCloseable, ChildWatch {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path childNote;
    private final StateFiles files;

    private StateLock(FileChannel channel, FileLock lock, Path childNote, StateFiles files) {
        this.channel = channel;
        this.lock = lock;
        this.childNote = childNote;
        this.files = files;
    }

    /**
     * Takes the lock for target, saying so through waiting when another safepip holds it; null when the user
     * pressed Ctrl-C while waiting (a blocking lock call would not wake up for it).
     */
    public static StateLock acquire(Path stateDir, Path target, Consumer<String> waiting) throws IOException {
        StateFiles files = StateFiles.forThisProcess();
        Path file = stateDir.resolve("locks").resolve(key(target) + ".lock");
        // Never through a link: a lock file linked to another file would have root create or truncate nothing, but
        // the child note beside it is written, and a planted lock is a sign the folder is not safepip's alone.
        FileChannel channel = files.open(file, StandardOpenOption.WRITE);
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
            StateLock held = new StateLock(channel, lock, file.resolveSibling(key(target) + ".child"), files);
            if (!held.awaitOrphan(waiting)) {
                held.close();
                return null;
            }
            return held;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Waits for a child that an earlier safepip started under this lock and did not see end; false when Ctrl-C
     * stopped the wait. The note holds the child's pid and start time, so a reused pid is not waited for.
     */
    private boolean awaitOrphan(Consumer<String> waiting) throws IOException {
        ProcessHandle orphan = orphan();
        if (orphan != null) {
            waiting.accept("waiting for " + orphan.info().command().orElse("a process") + " (pid " + orphan.pid()
                    + "), which an earlier safepip started and did not see finish …");
            while (orphan.isAlive()) {
                if (ChildSignals.interrupted()) {
                    return false;
                }
                sleep();
            }
        }
        Files.deleteIfExists(childNote);
        return true;
    }

    private ProcessHandle orphan() {
        String[] words;
        try {
            words = new String(BoundedFile.read(childNote, 256), StandardCharsets.UTF_8).strip().split(" ");
        } catch (IOException e) {
            return null;
        }
        try {
            ProcessHandle handle = ProcessHandle.of(Long.parseLong(words[0])).orElse(null);
            long started = Long.parseLong(words[1]);
            if (handle == null || !handle.isAlive() || started != startMillis(handle)) {
                return null;
            }
            return handle;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    @Override
    public void started(ProcessHandle child) {
        try {
            files.writeWhole(childNote, (child.pid() + " " + startMillis(child) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Without the note a crash of the JVM alone could let the next run race this child; the run goes on.
        }
    }

    @Override
    public void ended(ProcessHandle child) {
        try {
            Files.deleteIfExists(childNote);
        } catch (IOException e) {
            // A stale note names a process that has ended: the next run sees that and goes on.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A file name for a place: the same place always gives the same name, whatever path leads to it (a project
     * `.venv` that links to the default venv is the default venv), so two runs never hold two locks on one venv.
     */
    public static String key(Path target) {
        return name(realPlace(target));
    }

    /**
     * A file name for a path as written: what the half-made notes are kept by, since they judge the folder at that
     * path (a venv folder later replaced by a link is judged as changed, not as another place).
     */
    static String pathKey(Path target) {
        return name(target.toAbsolutePath().normalize());
    }

    private static String name(Path path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real path of target with every link resolved; for a path that does not exist yet, the real path of its
     * nearest existing folder with the rest appended (what a later run will find there once it is made).
     */
    static Path realPlace(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                return real.resolve(existing.relativize(absolute)).normalize();
            } catch (IOException e) {
                // Not there yet (or a dangling link): one folder up.
                existing = existing.getParent();
            }
        }
        return absolute;
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
