package org.opendso.importer;

import java.time.OffsetDateTime;

/** A recorded run, as the Imports page and the API list it. {@code user} is null for inbox runs. */
public record ImportRun(long id, ImportKind kind, ImportSource source, ImportMode mode, String fileName,
                        String userLogin, String userName, ImportState state, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, long lines, long created, long updated, long unchanged,
                        long closed, long rejected, String message) {
}
