package org.opendso.importer;

import java.util.Objects;

/**
 * What to import and how.
 *
 * @param partial  import the valid lines when some are bad (otherwise any bad line rejects the whole file)
 * @param fileName the name the user knows the file by, kept with the run (may be null)
 */
public record ImportRequest(ImportKind kind, ImportMode mode, boolean partial, ImportSource source, String fileName) {

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        mode = mode == null ? kind.defaultMode() : mode;
    }

    /** The kind's default mode, all-or-nothing. */
    public static ImportRequest of(ImportKind kind, ImportSource source, String fileName) {
        return new ImportRequest(kind, null, false, source, fileName);
    }

    public ImportRequest withMode(ImportMode newMode) {
        return new ImportRequest(kind, newMode, partial, source, fileName);
    }

    public ImportRequest withPartial(boolean newPartial) {
        return new ImportRequest(kind, mode, newPartial, source, fileName);
    }
}
