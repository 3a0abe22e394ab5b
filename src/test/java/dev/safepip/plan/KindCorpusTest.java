package dev.safepip.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.system.DebianJudgement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application-or-library answer for real projects, so that no change moves one across the line unnoticed: each
 * row of corpus/kinds.tsv is the shape of a real wheel of this machine's PyPI mirror (its commands, the sizes of its
 * code and programs, its Environment and Topic classifiers) with Debian's data for it as captured from Debian 12's
 * apt lists, and the kind it must get. The classifier's inputs are data: neither the mirror nor apt is needed.
 */
class KindCorpusTest {
    private record Row(String project, WheelShape shape, AppKind.Kind expected) {
    }

    @Test
    void noRealProjectMovesAcrossTheLine() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 200, "the corpus has " + rows.size() + " rows");
        List<String> moved = new ArrayList<>();
        for (Row row : rows) {
            AppKind kind = KindClassifier.classify(row.shape());
            if (kind.kind() != row.expected()) {
                moved.add(row.project() + ": expected " + row.expected() + ", now " + kind.kind() + " ("
                        + kind.why() + ")");
            }
        }
        assertEquals(List.of(), moved, moved.size() + " of " + rows.size() + " projects moved:\n"
                + String.join("\n", moved));
    }

    @Test
    void theIssuesProjectsAreInTheCorpusWithTheKindAsked() throws IOException {
        // Issue 22: the tools people run and never import, and the libraries that only also ship commands.
        List<String> apps = List.of("flake8", "isort", "mypy", "nox", "virtualenv", "pyright");
        List<String> libraries = List.of("numpy", "flask", "django", "pytest", "celery", "alembic", "jsonschema",
                "sympy", "bokeh", "spacy", "weasel", "nodeenv");
        List<String> seen = new ArrayList<>();
        for (Row row : rows()) {
            if (apps.contains(row.project())) {
                assertEquals(AppKind.Kind.APPLICATION, row.expected(), row.project());
                seen.add(row.project());
            } else if (libraries.contains(row.project())) {
                assertEquals(AppKind.Kind.LIBRARY_WITH_COMMANDS, row.expected(), row.project());
                seen.add(row.project());
            }
        }
        assertEquals(apps.size() + libraries.size(), seen.size(), "in the corpus: " + seen);
    }

    private static List<Row> rows() throws IOException {
        String text;
        try (InputStream in = KindCorpusTest.class.getResourceAsStream("/corpus/kinds.tsv")) {
            assertTrue(in != null, "corpus/kinds.tsv is missing from the test resources");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(13, f.length, "a corpus row has 13 fields: " + line);
            DebianJudgement.Command command = null;
            if (!f[10].equals("-")) {
                String[] c = f[10].split(" ");
                command = new DebianJudgement.Command(c[0], c[1], Integer.parseInt(c[2]));
            }
            WheelShape shape = new WheelShape(f[0], list(f[1]), list(f[2]), list(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), f[6].equals("-") ? null : f[6], Boolean.parseBoolean(f[7]), list(f[8]),
                    f[9].equals("-") ? null : f[9], command);
            rows.add(new Row(f[0], shape, f[11].equals("?") ? null : AppKind.Kind.valueOf(f[11])));
        }
        return rows;
    }

    private static List<String> list(String field) {
        return field.equals("-") ? List.of() : Arrays.asList(field.split(";"));
    }
}
