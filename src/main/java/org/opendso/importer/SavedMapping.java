package org.opendso.importer;

import java.util.HashMap;
import java.util.Map;

/** A tenant's saved mapping keyed the way headers are compared (normalized), so "Échéance " finds "echeance". */
final class SavedMapping {

    private SavedMapping() {
    }

    static Map<String, String> normalized(Map<String, String> mapping) {
        Map<String, String> out = new HashMap<>();
        if (mapping != null) {
            mapping.forEach((header, canonical) -> {
                if (header != null && canonical != null && !canonical.isBlank()) {
                    out.put(Columns.normalize(header), canonical.strip());
                }
            });
        }
        return out;
    }
}
