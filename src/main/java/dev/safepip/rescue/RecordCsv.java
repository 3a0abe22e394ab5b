package dev.safepip.rescue;

import java.util.ArrayList;
import java.util.List;

/**
 * A wheel's RECORD as pip reads and writes it: CSV by Python's `csv` module (excel dialect), so a path with a comma or
 * a quote comes in double quotes, a quote doubled inside. Read by hand, not split on commas: `"a,b.py",sha256=…,3`
 * is one path.
 */
final class RecordCsv {
    /** One line: the path as RECORD spells it, its hash ("sha256=…" or empty) and its size (or empty). */
    record Row(String path, String hash, String size) {
    }

    private RecordCsv() {
    }

    /** Every row with a path; blank lines are skipped, missing fields are empty. */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                end(rows, fields, field, any);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        end(rows, fields, field, any);
        return rows;
    }

    private static void end(List<Row> rows, List<String> fields, StringBuilder field, boolean any) {
        if (any) {
            fields.add(field.toString());
            if (!fields.get(0).isEmpty()) {
                rows.add(new Row(fields.get(0), fields.size() > 1 ? fields.get(1) : "",
                        fields.size() > 2 ? fields.get(2) : ""));
            }
        }
        fields.clear();
        field.setLength(0);
    }

    /** One row as Python's csv.writer writes it (quoted only when it must be), with "\n" after it. */
    static String line(String path, String hash, String size) {
        return quote(path) + "," + quote(hash) + "," + quote(size) + "\n";
    }

    private static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
