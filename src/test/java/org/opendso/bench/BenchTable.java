package org.opendso.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark prints: each row as it is measured ({@code [bench] what: measured}), then all of them as one
 * Markdown table under a heading, ready for the README and the note.
 */
final class BenchTable {

    private final List<String[]> rows = new ArrayList<>();

    void row(String what, String measured, String goal) {
        System.out.printf(Locale.ROOT, "[bench] %s: %s%n", what, measured);
        rows.add(new String[] {what, measured, goal});
    }

    void print(String heading) {
        System.out.println();
        System.out.println(heading);
        System.out.println();
        System.out.println("| what | measured | goal |");
        System.out.println("|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    /** The single number a query answers. */
    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
