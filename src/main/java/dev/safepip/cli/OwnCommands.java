package dev.safepip.cli;

import dev.safepip.World;
import java.util.List;
import picocli.CommandLine;

/** safepip's own commands and its help, through picocli (kept off the path of ordinary pip calls). */
public final class OwnCommands {
    private final World world;

    public OwnCommands(World world) {
        this.world = world;
    }

    /** safepip's own options and commands, for completion; read from the command model so they stay in step. */
    private static List<String> ownWords() {
        List<String> words = new java.util.ArrayList<>();
        for (picocli.CommandLine.Model.OptionSpec option
                : new CommandLine(new SafepipCommand()).getCommandSpec().options()) {
            words.add(option.longestName());
        }
        words.addAll(List.of("doctor", "where", "init"));
        return words;
    }

    public int run(Invocation invocation) {
        CommandLine top = new CommandLine(new SafepipCommand());
        top.addSubcommand("doctor", new DoctorCommand(world, invocation.options()));
        top.addSubcommand("where", new WhereCommand(world));
        top.addSubcommand("init", new InitCommand(world, ownWords(), List.of("doctor", "where")));
        top.setOut(new java.io.PrintWriter(world.out(), true));
        top.setErr(new java.io.PrintWriter(world.err(), true));
        if (invocation.ownCommand() == null) {
            top.usage(world.out());
            return 0;
        }
        List<String> args = new java.util.ArrayList<>();
        args.add(invocation.ownCommand());
        args.addAll(invocation.rest());
        if (invocation.options().help()) {
            args.add("--help");
        }
        return top.execute(args.toArray(new String[0]));
    }
}
