package org.opendso.importer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One kind's staging table ({@code import_stage}, temporary, dropped at commit) and the set-based SQL that
 * checks it and merges it into the real tables. Every statement filters on the tenant.
 */
interface Staging {

    String TABLE = "import_stage";

    /** DDL of the temporary staging table. */
    String create();

    /** Column list of the COPY, in the order {@link LineFormat} writes them. */
    String columns();

    LineFormat lines(HeaderMap header);

    /** SQL key of a staged line (alias {@code s}), e.g. {@code (s.type, s.number)}. */
    String key(String alias);

    /** SQL row of a staged line's values, compared to tell an identical duplicate from a conflicting one. */
    String values(String alias);

    /** SQL text naming the key for a person, e.g. "number F-12 (invoice)". */
    String label(String alias);

    /** Lines whose values are fine but whose references are not (unknown account, unknown login). */
    Flux<RejectedLine> references(DatabaseClient db, long tenantId);

    Mono<MergeCounts> merge(DatabaseClient db, MergeContext context);
}
