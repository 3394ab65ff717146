package org.opendso.report;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The currencies a company's reports can be drawn in: its main currency first, then its customers' others. */
@Service
public class ReportCurrencies {

    private final DatabaseClient db;

    ReportCurrencies(DatabaseClient db) {
        this.db = db;
    }

    public Flux<String> of(long tenantId) {
        return db.sql("""
                        select currency from (
                            select t.main_currency as currency, 0 as rank from tenant t where t.id = :tenant
                            union
                            select distinct c.currency, 1 from customer c where c.tenant_id = :tenant) x
                        group by currency order by min(rank), currency""")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("currency", String.class).strip())
                .all();
    }

    /** The company's main currency: the one a report without a currency is drawn in. */
    public Mono<String> main(long tenantId) {
        return db.sql("select main_currency from tenant where id = :tenant").bind("tenant", tenantId)
                .map((row, meta) -> row.get("main_currency", String.class).strip())
                .one();
    }

    /** The filter with its currency: the one it names, or the company's main one. */
    public Mono<ReportFilter> withCurrency(long tenantId, ReportFilter filter) {
        return filter.currency() != null ? Mono.just(filter) : main(tenantId).map(filter::withCurrency);
    }
}
