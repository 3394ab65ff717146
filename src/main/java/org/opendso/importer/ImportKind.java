package org.opendso.importer;

import java.util.Locale;
import java.util.Optional;

/** What a file holds. Items are a snapshot of the open items by default; the others are upserted. */
public enum ImportKind {
    CUSTOMERS(ImportMode.UPSERT), CONTACTS(ImportMode.UPSERT), ITEMS(ImportMode.SNAPSHOT);

    private final ImportMode defaultMode;

    ImportKind(ImportMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    public ImportMode defaultMode() {
        return defaultMode;
    }

    /** The name used in URLs and inbox folders: {@code customers}, {@code contacts}, {@code items}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> fromPath(String path) {
        for (ImportKind kind : values()) {
            if (kind.path().equalsIgnoreCase(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
