package org.opendso.importer;

import java.util.List;

/** A run with its rejected lines (at most {@link ImportReport#MAX_LISTED} are kept). */
public record ImportRunDetails(ImportRun run, List<RejectedLine> errors) {

    public ImportRunDetails {
        errors = List.copyOf(errors);
    }
}
