package dev.safepip.pip;

import dev.safepip.core.Ascii;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.process.SearchPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the real pip: SAFEPIP_PIP when set; else the first pip on PATH that is not safepip (pip3 first when safepip
 * was called as pip3); else `python3 -m pip`.
 */
public final class PipLocator {
    private final SearchPath path;
    private final SelfRecognizer self;
    private final Path home;

    public PipLocator(SearchPath path, SelfRecognizer self, Path home) {
        this.path = path;
        this.self = self;
        this.home = home;
    }

    /** The real pip for this run: SAFEPIP_PIP, or PATH as safepip was called (pip, pip3…). */
    public static PipExecutable locate(World world, SearchPath path) {
        return new PipLocator(path, new SelfRecognizer(world.launcher()), world.home())
                .locate(world.getenv("SAFEPIP_PIP"), System.getProperty("safepip.argv0"));
    }

    /**
     * @param override the SAFEPIP_PIP value, or null
     * @param calledAs the name safepip was started by (its launcher's $0), or null
     */
    public PipExecutable locate(String override, String calledAs) {
        if (override != null) {
            return fromOverride(override);
        }
        for (String name : namesFor(calledAs)) {
            for (Path candidate : path.all(name)) {
                if (!self.isSafepip(candidate)) {
                    return PipExecutable.script(candidate, "first " + name + " on PATH that is not safepip");
                }
            }
        }
        Path python = path.find("python3");
        if (python != null) {
            if (!PipModule.maybeIn(python, home)) {
                throw SafepipException.unavailable("no pip found: no pip or pip3 on PATH, and " + python
                        + " has no pip module", "install pip (on Debian or Ubuntu: sudo apt install python3-pip), "
                        + "or set SAFEPIP_PIP to a pip");
            }
            return PipExecutable.module(python, "no pip on PATH: python3 -m pip");
        }
        throw SafepipException.unavailable("no pip found: there is no pip or pip3 on PATH, and no python3",
                "install pip (on Debian or Ubuntu: sudo apt install python3-pip), or set SAFEPIP_PIP to a pip");
    }

    private PipExecutable fromOverride(String override) {
        Path found = path.find(override);
        if (found == null) {
            throw SafepipException.unavailable("SAFEPIP_PIP=" + override + " is not an executable file",
                    "point SAFEPIP_PIP at the real pip (such as /usr/bin/pip) or at a python3");
        }
        if (self.isSafepip(found)) {
            throw SafepipException.usage("SAFEPIP_PIP=" + override + " is safepip itself, which would run forever",
                    "point SAFEPIP_PIP at the real pip (such as /usr/bin/pip)");
        }
        return SelfRecognizer.isPython(found) ? PipExecutable.module(found, "SAFEPIP_PIP (an interpreter): -m pip")
                : PipExecutable.script(found, "SAFEPIP_PIP");
    }

    /** Called as pip3 or pip3.11, the user means that pip first. */
    static List<String> namesFor(String calledAs) {
        List<String> names = new ArrayList<>();
        if (calledAs != null) {
            String base = Path.of(calledAs).getFileName().toString();
            if (isVersionedPip(base)) {
                names.add(base);
            }
        }
        for (String name : new String[] {"pip", "pip3"}) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** pip followed by digits and dots (pip3, pip3.11), checked by hand: no regex on a blocked install's path. */
    static boolean isVersionedPip(String base) {
        return base.startsWith("pip") && base.length() > 3 && Ascii.digitsAndDots(base, 3);
    }
}
