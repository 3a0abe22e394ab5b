package dev.safepip.rescue;

import dev.safepip.plan.RouteKind;
import dev.safepip.plan.VenvRoute;
import java.nio.file.Path;
import java.util.List;

/**
 * One stray's way to where it belongs, decided before anything runs ({@link MovePlanner}) and run as it is
 * ({@link Rescuer}): what moves where, each command, what is checked before the old copy goes, and that removal.
 *
 * @param route       {@link RouteKind#PIPX} for applications, {@link RouteKind#VENV} for libraries
 * @param location    pipx's home or the venv folder (what the ledger records)
 * @param venv        the venv route whose commands {@code install} shows and the venv executor runs; null for pipx
 * @param install     the commands that install the same version there
 * @param checkWith   the interpreters the check may run with, in order: the venv's python, or pipx's environment of
 *                    the application by its normalized name then as spelled (where an older pipx keeps it); the
 *                    check runs with the first one pipx or venv made
 * @param checkArgs   the check's arguments after the interpreter: it imports the modules and compares the version
 * @param commandsThere the application's commands that must be in pipx's command folder (pipx only)
 * @param remove      the system pip's uninstall of the old copy (with sudo when its files are root's), run only
 *                    once the check passed
 * @param blocker     why it cannot be moved now, or null
 * @param files       its installed files, or why no wheel can be made of them (then it comes from the index)
 * @param wheel       where the wheel of its installed files is written (the install commands name it), or null
 */
public record Move(Stray stray, RouteKind route, String location, VenvRoute venv, List<List<String>> install,
                   List<Path> checkWith, List<String> checkArgs, List<Path> commandsThere, List<String> remove,
                   String blocker, InstalledFiles files, Path wheel) {

    public Move {
        install = List.copyOf(install);
        checkWith = List.copyOf(checkWith);
        checkArgs = List.copyOf(checkArgs);
        commandsThere = List.copyOf(commandsThere);
        remove = List.copyOf(remove);
    }

    /** Whether the old copy's removal runs under sudo (its files are root's). */
    public boolean sudo() {
        return remove.get(0).equals("sudo");
    }
}
