package org.opendso.importer;

import java.util.List;

/** A canonical column of an import kind, with the header names ERP exports use for it (English and French). */
record Column(String name, boolean required, List<String> aliases) {

    static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases));
    }

    static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases));
    }
}
