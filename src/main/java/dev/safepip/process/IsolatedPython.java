package dev.safepip.process;

import java.nio.file.Path;

/**
 * How safepip runs Python code of its own (probes, the look, `-m venv`, `-m pip check`, the rescue's `-m pip`)
 * without running any from the working folder. Python puts that folder first on sys.path for `-c` and `-m`: a
 * `pip.py`, `json.py` or `venv.py` there would be imported in place of the real one (for `-m`, even `runpy.py` on
 * Python before 3.11). Plain pip, a `bin/pip` script, puts its own folder there instead and is not affected.
 *
 * <p>The ways out, from Python 3.7 to 3.14: `-I` also drops the user site and every PYTHON* variable (pip then no
 * longer sees packages installed with --user); `-P` and PYTHONSAFEPATH exist only from 3.11. So:
 * <ul>
 *   <li>`-c` code starts with {@link #DROP_CWD}, which removes the working folder ('' first on sys.path) before
 *   anything is imported. Nothing is imported from that folder earlier: site runs, and imports sitecustomize and
 *   usercustomize, before Python puts '' on sys.path (checked on 3.6 to 3.13). The working folder stays the
 *   process's own, so relative paths among pip's arguments (`-r requirements.txt`) still mean what they meant.</li>
 *   <li>`-m` runs start in {@link #MODULE_CWD}, "/", which only root can write: sys.path[0] is then "/". Only
 *   commands whose arguments are all names or absolute paths run so (`-m venv /abs/path`, `-m pip check`,
 *   `-m pip install --no-deps name==1.0`), and the argv shown in a plan is exactly the one that runs.</li>
 * </ul>
 */
public final class IsolatedPython {
    /** The working folder of every `python -m` helper: root's, so that no one else's Python files are imported. */
    public static final Path MODULE_CWD = Path.of("/");

    /** The first lines of every `python -c` helper: the working folder leaves sys.path before any import. */
    public static final String DROP_CWD = "import sys\nif sys.path and sys.path[0] == '':\n    del sys.path[0]\n";

    private IsolatedPython() {
    }

    /** The code to give `python -c`: source, after {@link #DROP_CWD}. */
    public static String code(String source) {
        // concat, not +: the look runs on the blocked path, where string concatenation's bootstrap costs a start.
        return DROP_CWD.concat(source);
    }
}
