package org.opendso.report;

import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The scope of a report request: its filter with a currency (the company's main one unless named) and who sees what. */
@Component
class ReportScopes {

    private final DatabaseClient db;

    ReportScopes(DatabaseClient db) {
        this.db = db;
    }

    Mono<ReportScope> of(Staff staff, ReportFilter filter) {
        return db.sql("select main_currency, collectors_see_all from tenant where id = :tenant")
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> new ReportScope(staff,
                        filter.currency() != null ? filter : filter.withCurrency(row.get("main_currency", String.class).strip()),
                        ReportScope.seesAll(staff, Boolean.TRUE.equals(row.get("collectors_see_all", Boolean.class)))))
                .one();
    }
}
