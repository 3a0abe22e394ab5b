package dev.safepip.route;

import dev.safepip.core.IoProblem;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerRecord;
import dev.safepip.ui.Console;
import java.io.IOException;
import java.nio.file.Path;

/** Appends to the ledger; a ledger that cannot be written is said, never fatal to the install itself. */
final class LedgerWriter {
    private LedgerWriter() {
    }

    static void append(Path stateDir, LedgerRecord record, Console console) {
        try {
            new Ledger(stateDir).append(record);
        } catch (IOException e) {
            console.say("safepip: could not write the ledger (" + IoProblem.describe(e) + "); `safepip where` will not "
                    + "know of this.");
        }
    }
}
