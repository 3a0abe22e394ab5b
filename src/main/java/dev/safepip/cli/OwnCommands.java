package dev.safepip.cli;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * safepip's own commands and its help, through picocli (kept off the path of ordinary pip calls). picocli parses;
 * the commands run here, so that their failures reach Safepip as one line and safepip's exit codes, never as a
 * stack trace printed by picocli.
 */
public final class OwnCommands {
    private final World world;

    public OwnCommands(World world) {
        this.world = world;
    }

    /** safepip's own options and commands, for completion; read from the command model so they stay in step. */
    private static List<String> ownWords() {
        List<String> words = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new SafepipCommand()).getCommandSpec().options()) {
            words.add(option.longestName());
        }
        words.addAll(List.of("doctor", "where", "init", "rescue"));
        return words;
    }

    private Object command(String name, Invocation invocation) {
        return switch (name) {
            case "doctor" -> new DoctorCommand(world, invocation.options());
            case "where" -> new WhereCommand(world);
            case "rescue" -> new RescueCommand(world, invocation.options());
            default -> new InitCommand(world, ownWords(), List.of("doctor", "where", "rescue"));
        };
    }

    public int run(Invocation invocation) {
        CommandLine top = new CommandLine(new SafepipCommand());
        // Only the command that runs, or all of them for safepip's own help: picocli builds a model of each, and
        // init's needs a second model of safepip's options.
        for (String name : List.of("doctor", "where", "rescue", "init")) {
            if (invocation.ownCommand() == null || invocation.ownCommand().equals(name)) {
                top.addSubcommand(name, command(name, invocation));
            }
        }
        top.setUsageHelpWidth(HelpWidth.of(world));
        top.setOut(new PrintWriter(world.out(), true));
        top.setErr(new PrintWriter(world.err(), true));
        if (invocation.ownCommand() == null) {
            top.usage(world.out());
            return 0;
        }
        List<String> args = new ArrayList<>();
        args.add(invocation.ownCommand());
        args.addAll(invocation.rest());
        if (invocation.options().help()) {
            args.add("--help");
        }
        CommandLine.ParseResult parsed;
        try {
            parsed = top.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw SafepipException.usage(e.getMessage(), "see safepip " + invocation.ownCommand() + " --help");
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        Object command = sub.commandSpec().userObject();
        try {
            return ((Callable<?>) command).call() instanceof Integer code ? code : 0;
        } catch (SafepipException | java.io.UncheckedIOException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw SafepipException.unavailable(e.getMessage(), null);
        } catch (Exception e) {
            throw SafepipException.internal("internal error: " + e, "SAFEPIP_DEBUG=1 shows the details", e);
        }
    }
}
