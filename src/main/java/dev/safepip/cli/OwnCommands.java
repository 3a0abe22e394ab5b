package dev.safepip.cli;

import dev.safepip.core.SafepipException;
import dev.safepip.core.World;
import dev.safepip.shell.ShellInit;
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

    /** safepip's help: SafepipCommand's text, with the usage lines and the options of OwnWords. */
    static CommandLine.Model.CommandSpec topSpec() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.forAnnotatedObject(new SafepipCommand());
        List<String> synopsis = new ArrayList<>();
        synopsis.add(SafepipCommand.SYNOPSIS);
        for (OwnWords.Command command : OwnWords.COMMANDS) {
            synopsis.add("       safepip " + command.synopsis());
        }
        spec.usageMessage().customSynopsis(synopsis.toArray(new String[0]));
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            CommandLine.Model.OptionSpec.Builder builder = CommandLine.Model.OptionSpec
                    .builder(option.names().toArray(new String[0]))
                    .description(option.summary())
                    .usageHelp(option.help());
            if (option.takesValue()) {
                builder.type(String.class).paramLabel(option.paramLabel());
            } else {
                builder.type(boolean.class);
            }
            spec.addOption(builder.build());
        }
        return spec;
    }

    private Object command(String name, Invocation invocation) {
        return switch (name) {
            case OwnWords.DOCTOR -> new DoctorCommand(world, invocation.options());
            case OwnWords.WHERE -> new WhereCommand(world);
            case OwnWords.RESCUE -> new RescueCommand(world, invocation.options());
            case OwnWords.INIT -> new InitCommand(world, completion());
            default -> throw new IllegalStateException("OwnWords has a command OwnCommands does not run: " + name);
        };
    }

    /** What `init`'s completion offers and skips, from OwnWords. */
    static ShellInit.Completion completion() {
        List<String> commands = new ArrayList<>();
        for (String name : OwnWords.commandNames()) {
            // init's own line in the completion offers its shells and --path.
            if (!name.equals(OwnWords.INIT)) {
                commands.add(name);
            }
        }
        List<String> valueOptions = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (OwnWords.Option option : OwnWords.OPTIONS) {
            // Help goes on to pip's completion, as `safepip --help install` shows pip's help.
            if (!option.help()) {
                (option.takesValue() ? valueOptions : flags).addAll(option.names());
            }
        }
        return new ShellInit.Completion(OwnWords.completionWords(), commands, valueOptions, flags);
    }

    /** picocli's model: safepip's help, with the command that runs, or all of them for safepip's own help. */
    CommandLine model(Invocation invocation) {
        CommandLine top = new CommandLine(topSpec());
        // Only the command that runs when one does: picocli builds a model of each.
        for (String name : OwnWords.commandNames()) {
            if (invocation.ownCommand() == null || invocation.ownCommand().equals(name)) {
                top.addSubcommand(name, command(name, invocation));
            }
        }
        return top;
    }

    public int run(Invocation invocation) {
        CommandLine top = model(invocation);
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
