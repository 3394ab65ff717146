package org.opendso.importer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Created, updated and closed of a run, summed from its per-account rows (written by the merge itself). */
final class Totals {

    private Totals() {
    }

    static Mono<long[]> of(DatabaseClient db, long runId) {
        return db.sql("""
                        select coalesce(sum(created), 0) as created, coalesce(sum(updated), 0) as updated,
                               coalesce(sum(closed), 0) as closed
                        from import_run_customer where import_run_id = :run""")
                .bind("run", runId)
                .map(row -> new long[] {
                        row.get("created", Long.class), row.get("updated", Long.class), row.get("closed", Long.class)})
                .one();
    }
}
