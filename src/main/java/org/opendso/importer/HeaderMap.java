package org.opendso.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which field of a line holds which canonical column: {@code index[c]} is the field position of the kind's
 * c-th column, or -1 when the file has no such column. Unknown headers are ignored (ERP exports carry many
 * columns we do not need); two headers meaning the same column, or a required column missing, reject the file.
 */
record HeaderMap(ImportKind kind, int[] index, List<String> headers, int width) {

    static HeaderMap resolve(ImportKind kind, List<String> headers, Map<String, String> savedMapping) {
        List<Column> columns = Columns.of(kind);
        int[] index = new int[columns.size()];
        Arrays.fill(index, -1);
        Map<String, String> saved = SavedMapping.normalized(savedMapping);
        for (int field = 0; field < headers.size(); field++) {
            String normalized = Columns.normalize(headers.get(field));
            if (normalized.isEmpty()) {
                continue;
            }
            String canonical = saved.containsKey(normalized) ? saved.get(normalized) : Columns.alias(kind, normalized);
            int c = canonical == null ? -1 : Columns.indexOf(kind, canonical);
            if (c < 0) {
                continue;
            }
            if (index[c] >= 0) {
                throw new FileProblem("columns '%s' and '%s' both mean %s; rename one or map it to another column"
                        .formatted(headers.get(index[c]).strip(), headers.get(field).strip(), canonical));
            }
            index[c] = field;
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required() && index[c] < 0) {
                missing.add(columns.get(c).name());
            }
        }
        if (!missing.isEmpty()) {
            throw new FileProblem("missing required column%s %s (the header line has: %s)".formatted(
                    missing.size() > 1 ? "s" : "", String.join(", ", missing),
                    String.join(", ", headers.stream().map(String::strip).toList())));
        }
        return new HeaderMap(kind, index, List.copyOf(headers), headers.size());
    }

    boolean has(String canonical) {
        return index[Columns.indexOf(kind, canonical)] >= 0;
    }

    int field(String canonical) {
        return index[Columns.indexOf(kind, canonical)];
    }
}
