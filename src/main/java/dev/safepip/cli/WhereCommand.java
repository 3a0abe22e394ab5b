package dev.safepip.cli;

import dev.safepip.core.SafepipPaths;
import dev.safepip.core.World;
import dev.safepip.ledger.Holdings;
import dev.safepip.ledger.Ledger;
import dev.safepip.ledger.LedgerProblem;
import dev.safepip.plan.RouteKind;
import dev.safepip.python.DistInfo;
import dev.safepip.route.PipxAppState;
import dev.safepip.ui.Sanitizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `safepip where [PKG…]`: what safepip installed, where, when, and whether it is still there. */
@Command(name = OwnWords.WHERE, versionProvider = SafepipVersion.class,
        synopsisHeading = "Usage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n", optionListHeading = "%nOptions:%n",
        description = OwnWords.WHERE_SUMMARY)
public final class WhereCommand implements Callable<Integer> {
    @Mixin
    HelpOptions helpOptions;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final World world;

    @Parameters(paramLabel = "PKG", description = "Only these packages.")
    List<String> packages = new ArrayList<>();

    public WhereCommand(World world) {
        this.world = world;
    }

    @Override
    public Integer call() throws IOException {
        // Buffered, flushed once: world.out flushes every write, and a few thousand rows of small writes to a pipe
        // or terminal cost more than reading the whole ledger.
        PrintStream out = new PrintStream(new BufferedOutputStream(world.out(), 1 << 16), false,
                StandardCharsets.UTF_8);
        Ledger ledger = new Ledger(new SafepipPaths(world).state());
        List<String> wanted = packages.stream().map(DistInfo::normalize).toList();
        List<Holdings.Holding> holdings;
        try {
            holdings = Holdings.of(ledger, wanted);
        } catch (IOException e) {
            // A folder, a FIFO, a file of another user's: said with its reason, not as the bare path.
            throw LedgerProblem.of(ledger.file(), e);
        }
        int shown = 0;
        HoldingCommands commands = new HoldingCommands(world);
        for (Holdings.Holding holding : holdings) {
            if (!wanted.isEmpty() && !wanted.contains(holding.name())) {
                continue;
            }
            out.print(row(holding));
            if (holding.name() != null && "present".equals(stillThere(holding))) {
                out.print(commands.lines(holding));
            }
            shown++;
        }
        if (shown == 0 && wanted.isEmpty()) {
            out.println("Nothing that safepip installed is in place (the ledger is " + ledger.file() + ").");
        }
        // Before anything on stderr, so that a terminal shows them in this order.
        out.flush();
        List<String> missing = new ArrayList<>(wanted);
        holdings.forEach(h -> missing.remove(h.name()));
        for (String name : missing) {
            world.err().println("safepip: no record of installing " + Sanitizer.clean(name) + " (the ledger is " + ledger.file() + ")");
        }
        if (ledger.skipped() > 0) {
            // Skipped, never acted on; but silence would hide that a package may be missing from the table.
            world.err().println(LedgerProblem.skipped(ledger));
        }
        return missing.isEmpty() ? 0 : 1;
    }

    /**
     * One line of the table, as `%-24s %-6s %-50s %s  %s%n` would print it, built by hand: Formatter writes each
     * padding space on its own.
     */
    private String row(Holdings.Holding holding) {
        StringBuilder row = new StringBuilder(128);
        // Every field comes from the ledger, a file anybody with the user's rights may have edited.
        padded(row, Sanitizer.clean(holding.name()), 24).append(' ');
        padded(row, Sanitizer.clean(holding.route()), 6).append(' ');
        padded(row, Sanitizer.clean(holding.location()), 50).append(' ');
        row.append(WHEN.format(holding.time())).append("  ").append(stillThere(holding));
        return row.append(System.lineSeparator()).toString();
    }

    private static StringBuilder padded(StringBuilder row, String text, int width) {
        row.append(text);
        for (int i = text.length(); i < width; i++) {
            row.append(' ');
        }
        return row;
    }

    /** The projects installed in each venv, listed once however many of its packages are shown. */
    private final java.util.Map<String, java.util.Set<String>> installed = new java.util.HashMap<>();

    /** "present", "gone", or "broken" for a pipx environment a pipx run left half-made. */
    private String stillThere(Holdings.Holding holding) {
        RouteKind kind = RouteKind.of(holding.route());
        return switch (kind == null ? RouteKind.SYSTEM : kind) {
            case VENV -> installed.computeIfAbsent(holding.location(),
                    location -> DistInfo.projects(DistInfo.venvSiteDirs(Path.of(location)))).contains(holding.name())
                    ? "present" : "gone";
            case PIPX -> switch (PipxAppState.of(Path.of(holding.location(), "venvs", holding.name()),
                    holding.name()).kind()) {
                case WHOLE -> "present";
                case HALF_MADE -> "broken";
                case ABSENT -> "gone";
            };
            default -> "present";
        };
    }
}
