package dev.safepip.run;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.pip.PipExecutable;
import dev.safepip.plan.AppDetector;
import dev.safepip.plan.AppKind;
import dev.safepip.plan.BlockedCommand;
import dev.safepip.pip.Requirement;
import dev.safepip.ui.Console;
import dev.safepip.ui.Sanitizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The look at the named packages before the menu, as the user sees it: a progress line, then one line per package
 * saying what it is and which signal decided; a project or version the index does not have ends the run with pip's
 * own exit code. Under sudo, pip runs without the user's PIP_* settings (sudo drops them): a look that fails there
 * is said to be impossible, and nothing is recommended on its account.
 */
final class PackageLook {
    private final World world;
    private final Console console;
    private final PipExecutable pip;

    PackageLook(World world, Console console, PipExecutable pip) {
        this.world = world;
        this.console = console;
        this.pip = pip;
    }

    /**
     * Says what is looked at and starts pip's look in a thread of its own: the first thing a blocked install does,
     * so that the rest of the plan (apt, pipx, the venv) is gathered while pip works. {@link Started#finish}
     * waits for it and says what each package is.
     */
    Started start(BlockedCommand blocked, Path python, boolean root) {
        console.say("safepip: looking at " + Sanitizer.clean(String.join(", ", blocked.line().positionals()))
                + " (an application or a library?) …");
        AppDetector detector = new AppDetector(pip, python, world.env(), world.cwd(), world.home(),
                new Say(console));
        Started started = new Started(blocked, root, detector);
        started.start();
        return started;
    }

    /** The look at the packages while it runs. */
    final class Started extends Beside<AppDetector.Look> {
        private final BlockedCommand blocked;
        private final boolean root;
        private final AppDetector detector;
        private IOException failure;

        private Started(BlockedCommand blocked, boolean root, AppDetector detector) {
            super("safepip-look");
            this.blocked = blocked;
            this.root = root;
            this.detector = detector;
        }

        @Override
        AppDetector.Look compute() {
            try {
                return detector.detect(blocked);
            } catch (IOException e) {
                failure = e;
                return null;
            }
        }

        /** Waits for pip's answer, then says what each package is; a missing one ends the run. */
        Map<String, AppKind> finish() {
            AppDetector.Look look = result();
            if (look == null) {
                console.say("safepip: could not look (" + Sanitizer.clean(String.valueOf(failure.getMessage()))
                        + "); recommending nothing on that account.");
                return unknown(blocked, "the look failed");
            }
            return said(blocked, look, root);
        }
    }

    /** Lines the look prints while it runs (a class, not a method reference: no lambda on the blocked path). */
    private static final class Say implements Consumer<String> {
        private final Console console;

        Say(Console console) {
            this.console = console;
        }

        @Override
        public void accept(String line) {
            console.say(line);
        }
    }

    private Map<String, AppKind> said(BlockedCommand blocked, AppDetector.Look look, boolean root) {
        String sudoUser = world.getenv("SUDO_USER");
        boolean underSudo = root && sudoUser != null && !sudoUser.equals("root");
        if (look.missing() != null && look.pipError() != null && look.pipError().startsWith(AppDetector.UNFIT)) {
            // The name is right: the index has it, only not for this interpreter or machine.
            throw SafepipException.fromPip(look.pipExit(), "pip finds " + look.missing() + " on "
                    + (underSudo ? "root's index settings" : "your index") + ", but "
                    + Sanitizer.clean(look.pipError()) + "; nothing was installed",
                    "ask for a version with a file for this Python, or use a Python it supports");
        }
        if (look.missing() != null) {
            throw SafepipException.fromPip(look.pipExit(), "pip finds no " + look.missing() + " on "
                    + (underSudo ? "root's index settings (sudo drops your PIP_* variables)" : "your index")
                    + ": " + look.pipError() + "; nothing was installed",
                    underSudo ? "keep them with sudo --preserve-env=PIP_INDEX_URL,PIP_EXTRA_INDEX_URL"
                            : "check the name and the version");
        }
        for (Requirement requirement : blocked.named()) {
            AppKind kind = look.kinds().get(requirement.normalizedName());
            if (kind == null) {
                continue;
            }
            String name = Sanitizer.clean(requirement.name());
            if (kind.kind() == AppKind.Kind.UNKNOWN) {
                console.say("safepip: cannot tell what " + name + " is (" + Sanitizer.clean(kind.why()) + ")"
                        + (underSudo ? "; under sudo pip does not see your PIP_* settings, so the look may be "
                        + "impossible here: nothing is recommended on its account" : "") + ".");
                continue;
            }
            String commands = kind.scripts().isEmpty() ? ""
                    : " (" + Sanitizer.clean(String.join(", ", kind.scripts())) + ")";
            console.say("safepip: " + name + " is " + kind.noun() + commands + ": " + Sanitizer.clean(kind.why())
                    + ".");
        }
        return look.kinds();
    }

    private static Map<String, AppKind> unknown(BlockedCommand blocked, String why) {
        Map<String, AppKind> kinds = new HashMap<>();
        for (Requirement requirement : blocked.named()) {
            kinds.put(requirement.normalizedName(), AppKind.unknown(why));
        }
        return kinds;
    }
}
