package org.opendso.importer;

/** Writes values in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, backslash escapes. */
final class CopyText {

    private CopyText() {
    }

    /** A text value; an empty cell is null. */
    static void text(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            out.append("\\N");
            return;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static void nul(StringBuilder out) {
        out.append("\\N");
    }

    static void tab(StringBuilder out) {
        out.append('\t');
    }
}
