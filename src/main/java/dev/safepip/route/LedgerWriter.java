package dev.safepip.route;

import dev.safepip.core.IoProblem;
import dev.safepip.core.StateFiles;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerRecord;
import dev.safepip.plan.RouteKind;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The one place ledger records are made and appended; a ledger that cannot be written is said, never fatal to the
 * install itself.
 */
public final class LedgerWriter {
    private final Path stateDir;
    private final Console console;

    public LedgerWriter(Path stateDir, Console console) {
        this.stateDir = stateDir;
        this.console = console;
    }

    /**
     * @param install      install or uninstall
     * @param packages     the normalized names concerned
     * @param requirements the requirements as the user gave them
     * @param location     an absolute folder (a venv, pipx's home, the interpreter's prefix) or "system"
     */
    public void write(boolean install, List<String> packages, List<String> requirements, RouteKind kind,
                      String location, String interpreter, List<String> command, int exit) {
        LedgerRecord record = new LedgerRecord(Instant.now(), install ? "install" : "uninstall", packages,
                requirements, kind.word(), location, interpreter, command, exit);
        try {
            new Ledger(stateDir).append(record);
        } catch (StateFiles.Refused e) {
            console.say("safepip: did not write the ledger: " + e.getMessage() + "; " + e.fix() + ".");
        } catch (IOException e) {
            console.say("safepip: could not write the ledger (" + IoProblem.describe(e) + "); `safepip where` will "
                    + "not know of this.");
        }
    }
}
