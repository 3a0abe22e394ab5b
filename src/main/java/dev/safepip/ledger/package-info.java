/**
 * The ledger: one JSON line per change safepip made (what, where, by which route, with which commands), appended
 * through {@code core/StateFiles} and read back by `where`, uninstall and rescue.
 *
 * <p>A record is data, never a command to obey: readers check every recorded place again before acting on it
 * ({@code route/RecordedPlace}). A damaged line is skipped and said once ({@code LedgerProblem}), never fatal.
 *
 * <p>May use: core, plan, python.
 */
package dev.safepip.ledger;
