package org.opendso.item;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code customer_balance} (balance, overdue, open item count, oldest overdue due date) in step with
 * the items, set-based. Called after every change of items; "overdue" also moves with the calendar, so a
 * daily job refreshes every account whose figures are from an earlier day.
 */
@Service
public class AccountBalances {

    private static final Logger log = LoggerFactory.getLogger(AccountBalances.class);

    private static final String REFRESH = """
            insert into customer_balance (customer_id, tenant_id, balance, overdue, open_items, oldest_overdue, as_of)
            select c.id, c.tenant_id,
                   coalesce(sum(i.open_amount), 0),
                   coalesce(sum(i.open_amount) filter (where i.due_date < current_date), 0),
                   count(i.id),
                   min(i.due_date) filter (where i.due_date < current_date and i.type = 'INVOICE' and i.open_amount > 0),
                   current_date
            from customer c
            left join open_item i on i.customer_id = c.id and i.closed_at is null
            where c.tenant_id = :tenant %s
            group by c.id, c.tenant_id
            on conflict (customer_id) do update set
                balance = excluded.balance, overdue = excluded.overdue, open_items = excluded.open_items,
                oldest_overdue = excluded.oldest_overdue, as_of = excluded.as_of""";

    /** Arbitrary constant for the cluster-wide daily refresh lock. */
    private static final long DAILY_LOCK = 0x0D50_0001L;

    private final DatabaseClient db;

    AccountBalances(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> refresh(long tenantId, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(REFRESH.formatted("and c.id = any(:ids)"))
                .bind("tenant", tenantId)
                .bind("ids", customerIds.toArray(Long[]::new))
                .then();
    }

    public Mono<Void> refreshTenant(long tenantId) {
        return db.sql(REFRESH.formatted("")).bind("tenant", tenantId).then();
    }

    /**
     * Every account whose figures are from an earlier day, or that has none. One statement, so the
     * transaction-scoped advisory lock makes one instance of a cluster do it while the others skip.
     */
    public Mono<Long> refreshStale() {
        String stale = REFRESH.formatted("").replace("where c.tenant_id = :tenant", """
                where pg_try_advisory_xact_lock(%d)
                  and c.tenant_id in (select c2.tenant_id from customer c2
                                      left join customer_balance b on b.customer_id = c2.id
                                      where b.customer_id is null or b.as_of < current_date)""".formatted(DAILY_LOCK));
        return db.sql(stale).fetch().rowsUpdated();
    }

    /** The server may have been down at midnight: catch up once it is ready, without delaying start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        daily();
    }

    @Scheduled(cron = "${opendso.balances.refresh-cron:0 5 0 * * *}")
    void daily() {
        refreshStale().subscribe(
                n -> log.info("Refreshed {} account balances dated before today", n),
                e -> log.warn("Daily balance refresh failed", e));
    }
}
