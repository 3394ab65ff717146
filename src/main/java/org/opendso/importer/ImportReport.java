package org.opendso.importer;

import java.util.List;

/**
 * What a run did. Counts are of file lines (items, customers or contacts), except {@code closed}: open items
 * absent from a snapshot. {@code accountsCreated}: customers created because items named an unknown account.
 * {@code rejected} lists at most {@link #MAX_LISTED} lines; {@code rejectedCount} is the true number.
 * {@code message} explains a REJECTED file (e.g. a missing column) or a FAILED run.
 */
public record ImportReport(long importRunId, ImportKind kind, ImportState state, long lines, long created,
                           long updated, long unchanged, long closed, long accountsCreated,
                           List<RejectedLine> rejected, long rejectedCount, String message) {

    public static final int MAX_LISTED = 10_000;

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public boolean succeeded() {
        return state == ImportState.SUCCEEDED;
    }
}
