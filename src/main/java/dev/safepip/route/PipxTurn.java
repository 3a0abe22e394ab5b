package dev.safepip.route;

import dev.safepip.core.BoundedFile;
import dev.safepip.process.ChildSignals;
import dev.safepip.process.ChildWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * safepip's turn at one pipx home: held while a pipx command runs and its result is checked and recorded, so that
 * concurrent safepip runs take turns. One lock for the whole home, not one per application: every `pipx install`
 * may create or upgrade pipx's shared libraries (PIPX_HOME/shared), and pipx takes no lock of its own.
 *
 * <p>Like the venv lock it notes the pipx it guards ({@link StateLock} waits for a noted child that outlived its
 * JVM). pipx itself is not all: a SIGTERM passed on to pipx ends pipx and leaves its pip running, and the JVM then
 * no longer sees that pip as its descendant. So while pipx runs, its descendants are noted too, and the next turn
 * waits for every noted process that still runs before it judges the environment.
 */
public final class PipxTurn implements AutoCloseable, ChildWatch {
    private static final long NOTE_EVERY_MILLIS = 150;

    private final StateLock lock;
    private final Path childrenNote;
    private final Instant quietSince;
    private final Map<Long, Long> noted = new LinkedHashMap<>();
    private Watcher watcher;

    private PipxTurn(StateLock lock, Path childrenNote, Instant quietSince) {
        this.lock = lock;
        this.childrenNote = childrenNote;
        this.quietSince = quietSince;
    }

    /** Takes the turn, waiting for another safepip and for what an earlier one left running; null on Ctrl-C. */
    public static PipxTurn take(Path stateDir, Path pipxHome, Consumer<String> waiting) throws IOException {
        StateLock lock = StateLock.acquire(stateDir, pipxHome, waiting);
        if (lock == null) {
            return null;
        }
        try {
            Path note = stateDir.resolve("pipx-working").resolve(StateLock.key(pipxHome) + ".children");
            boolean waited = false;
            for (ProcessHandle orphan : stillRunning(note)) {
                waited = true;
                waiting.accept("waiting for " + orphan.info().command().orElse("a process") + " (pid "
                        + orphan.pid() + "), which an earlier safepip started and did not see finish …");
                while (orphan.isAlive()) {
                    if (ChildSignals.interrupted()) {
                        lock.close();
                        return null;
                    }
                    sleep(100);
                }
            }
            Files.deleteIfExists(note);
            return new PipxTurn(lock, note, waited ? Instant.now() : null);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** When the last process an earlier run left at work ended, if this turn waited for one; else null. */
    public Instant quietSince() {
        return quietSince;
    }

    @Override
    public void started(ProcessHandle child) {
        lock.started(child);
        note(child);
        watcher = new Watcher(this, child);
        watcher.start();
    }

    @Override
    public void ended(ProcessHandle child) {
        Watcher running = watcher;
        watcher = null;
        if (running != null) {
            running.done = true;
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.ended(child);
        try {
            if (stillRunning(childrenNote).iterator().hasNext()) {
                return;
            }
            Files.deleteIfExists(childrenNote);
        } catch (IOException e) {
            // A stale note names processes that have ended: the next turn sees that and goes on.
        }
        synchronized (noted) {
            noted.clear();
        }
    }

    /** Adds child and its descendants to the note, written whole when it grows. */
    private void note(ProcessHandle child) {
        boolean grew = false;
        synchronized (noted) {
            grew |= add(child);
            try (Stream<ProcessHandle> descendants = child.descendants()) {
                for (Iterator<ProcessHandle> it = descendants.iterator(); it.hasNext(); ) {
                    grew |= add(it.next());
                }
            }
            if (grew) {
                write();
            }
        }
    }

    private boolean add(ProcessHandle process) {
        long started = startMillis(process);
        return started >= 0 && noted.put(process.pid(), started) == null;
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Long, Long> entry : noted.entrySet()) {
            text.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n');
        }
        try {
            Files.createDirectories(childrenNote.getParent());
            Path temp = childrenNote.resolveSibling(childrenNote.getFileName() + "." + ProcessHandle.current().pid()
                    + ".tmp");
            Files.deleteIfExists(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(temp, childrenNote, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without the note a run after a crash could race pip; the run goes on, as with the lock's own note.
        }
    }

    /** The noted processes that still run: same pid and same start time, so a reused pid is not waited for. */
    private static Iterable<ProcessHandle> stillRunning(Path note) {
        java.util.List<ProcessHandle> running = new java.util.ArrayList<>();
        String text;
        try {
            text = new String(BoundedFile.read(note, 1 << 16), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return running;
        }
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            try {
                ProcessHandle handle = ProcessHandle.of(Long.parseLong(line.substring(0, space))).orElse(null);
                long started = Long.parseLong(line.substring(space + 1).strip());
                if (handle != null && handle.isAlive() && startMillis(handle) == started) {
                    running.add(handle);
                }
            } catch (NumberFormatException e) {
                // A damaged line names nobody.
            }
        }
        return running;
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }

    /** Notes pipx's descendants as they come, until pipx ends. */
    private static final class Watcher extends Thread {
        private final PipxTurn turn;
        private final ProcessHandle child;
        private volatile boolean done;

        Watcher(PipxTurn turn, ProcessHandle child) {
            super("pipx-children");
            setDaemon(true);
            this.turn = turn;
            this.child = child;
        }

        @Override
        public void run() {
            while (!done && child.isAlive()) {
                turn.note(child);
                PipxTurn.sleep(NOTE_EVERY_MILLIS);
            }
        }
    }
}
