package org.opendso.report;

import java.time.LocalDate;
import java.util.List;
import org.opendso.forecast.AccountFigures;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code credit_standing} with the forecast: the accounts its refresh recomputes (their items, receipts,
 * balances or credit limits changed) and, daily, all of them (overdue moves with the date). Set-based, in the
 * refresh's transaction.
 */
@Component
class CreditRiskStanding implements AccountFigures {

    private static final String STORE = """
            insert into credit_standing (customer_id, tenant_id, currency, exposure, overdue, credit_limit, utilisation,
                                         overdue_share, days_12m, days_3m, trend, over_limit, worsening, points, listed)
            select id, :tenant, currency, exposure, overdue, credit_limit, utilisation, overdue_share, days_12m, days_3m,
                   trend, over_limit, worsening, points, listed
            from graded
            on conflict (customer_id) do update set
                currency = excluded.currency, exposure = excluded.exposure, overdue = excluded.overdue,
                credit_limit = excluded.credit_limit, utilisation = excluded.utilisation,
                overdue_share = excluded.overdue_share, days_12m = excluded.days_12m, days_3m = excluded.days_3m,
                trend = excluded.trend, over_limit = excluded.over_limit, worsening = excluded.worsening,
                points = excluded.points, listed = excluded.listed""";

    private final DatabaseClient db;

    CreditRiskStanding(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> accounts(long tenantId, List<Long> customerIds, LocalDate today) {
        return db.sql(CreditRisk.graded("c.tenant_id = :tenant and c.id = any(:ids)") + STORE)
                .bind("tenant", tenantId).bind("ids", customerIds.toArray(Long[]::new)).then();
    }

    @Override
    public Mono<Void> all(long tenantId, LocalDate today) {
        return db.sql(CreditRisk.graded("c.tenant_id = :tenant") + STORE).bind("tenant", tenantId).then();
    }
}
