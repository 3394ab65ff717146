package org.opendso.importer;

import java.time.OffsetDateTime;

/** What one run did to one customer account: the customer sheet's import history. */
public record CustomerImportRun(long importRunId, ImportKind kind, ImportSource source, String fileName,
                                String userName, OffsetDateTime startedAt, int created, int updated, int closed) {
}
