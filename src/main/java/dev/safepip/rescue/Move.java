package dev.safepip.rescue;

import java.util.List;

/**
 * One stray's way to where it belongs, with every command shown before anything runs.
 *
 * @param route    "pipx" or "venv"
 * @param location pipx's home or the venv folder (what the ledger records)
 * @param install  the commands that install the same version there
 * @param remove   the system pip's uninstall of the old copy (with sudo when its files are root's)
 * @param blocker  why it cannot be moved now, or null
 * @param files    its installed files, or why no wheel can be made of them (then it comes from the index)
 * @param wheel    where the wheel of its installed files is written (the install commands name it), or null
 */
public record Move(Stray stray, String route, String location, List<List<String>> install, List<String> remove,
                   String blocker, InstalledFiles files, java.nio.file.Path wheel) {
}
