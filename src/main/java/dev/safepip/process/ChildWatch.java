package dev.safepip.process;

/**
 * Told when a child starts and ends, by the runners that start processes, so that a guard (the venv lock) can
 * remember a child that may outlive safepip's JVM: one killed alone (the OOM killer, `kill -9`) leaves its child
 * writing, and the next run must wait for it.
 */
public interface ChildWatch {
    ChildWatch NONE = new ChildWatch() {
        @Override
        public void started(ProcessHandle child) {
        }

        @Override
        public void ended(ProcessHandle child) {
        }
    };

    void started(ProcessHandle child);

    void ended(ProcessHandle child);
}
