package dev.safepip.run;

import dev.safepip.core.ExitCodes;
import dev.safepip.core.SafepipException;
import dev.safepip.core.World;

import dev.safepip.cli.Invocation;
import dev.safepip.cli.InvocationParser;
import dev.safepip.cli.OwnCommands;
import dev.safepip.config.Via;
import dev.safepip.pip.Exposure;
import dev.safepip.pip.Pep668Rules;
import dev.safepip.pip.PipArgvParser;
import dev.safepip.pip.PipCommandLine;
import dev.safepip.pip.PipExecutable;
import dev.safepip.pip.PipLocator;
import dev.safepip.pip.PipOptionTable;
import dev.safepip.process.ChildEnvironment;
import dev.safepip.process.PipRunner;
import dev.safepip.process.SearchPath;
import dev.safepip.ui.Console;
import java.io.IOException;

/**
 * One run of safepip: safepip's own commands, or pip — passed straight through unless PEP 668 concerns it.
 * The only place that turns failures into messages and exit codes.
 */
public final class Safepip {
    private final World world;

    public Safepip(World world) {
        this.world = world;
    }

    public int run(String[] args) {
        Console console = new Console(world.err(), world.tty().err(), world.env());
        try {
            return dispatch(args, console);
        } catch (SafepipException e) {
            console.error(e.getMessage(), e.hint());
            debug(e);
            return e.exitCode();
        } catch (RuntimeException e) {
            console.error("internal error: " + e, "please report it; SAFEPIP_DEBUG=1 shows the details");
            debug(e);
            return ExitCodes.SOFTWARE;
        }
    }

    private int dispatch(String[] args, Console console) {
        int depth = depth();
        if (depth >= 2) {
            throw SafepipException.internal("loop: the pip safepip runs starts safepip again",
                    "set SAFEPIP_PIP to the real pip, such as /usr/bin/pip", null);
        }
        PipOptionTable table = PipOptionTable.get();
        Invocation invocation = new InvocationParser(table.general()).parse(args);
        String via = invocation.options().via();
        if (via != null && Via.parse(via) == null) {
            throw SafepipException.usage("--via=" + via + " is not a route", "use one of " + Via.words());
        }
        if (invocation.options().help() || invocation.ownCommand() != null) {
            return new OwnCommands(world).run(invocation);
        }
        SearchPath path = new SearchPath(world.getenv("PATH"));
        PipExecutable pip = PipLocator.locate(world, path);
        PipRunner runner = new PipRunner(ChildEnvironment.of(world.env(), depth, world.javaToolOptions()),
                world.cwd());
        PipCommandLine line = new PipArgvParser(table).parse(invocation.rest());
        // Nested under another safepip (a build step calling pip): that one already guards PEP 668.
        Exposure exposure = depth == 1 ? Exposure.NONE : Pep668Rules.classify(line);
        if (exposure == Exposure.NONE && !invocation.options().plan()) {
            return PassThrough.run(runner, pip, line);
        }
        return new Pep668Gate(world, console, path, pip, runner).run(invocation, line, exposure);
    }

    private int depth() {
        String raw = world.getenv(ChildEnvironment.DEPTH);
        if (raw == null) {
            return 0;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void debug(Exception e) {
        if (world.getenv("SAFEPIP_DEBUG") != null) {
            e.printStackTrace(world.err());
        }
    }
}
