package org.opendso.forecast;

import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code forecast_expected} (per account, currency, day) and {@code forecast_total} (per tenant) in line with
 * the open items, set-based: for the accounts marked in {@code forecast_change} since the last refresh, or for the
 * whole tenant once a day. Every method runs in the caller's transaction, which holds the tenant's forecast lock.
 * The formula (decision 0020), for each open invoice with an open amount, with {@code delay} the account's
 * amount-weighted average days late (the tenant's when the account has no receipts; 0 when the tenant has none):
 * <ul>
 * <li>a promise to pay: expected on the promised date (today when that is past);</li>
 * <li>disputed or in litigation: at risk, on its due date + delay (today when past);</li>
 * <li>otherwise on its due date + delay when that is today or later;</li>
 * <li>otherwise (later than the customer's habit): in equal parts on today and the same weekday of the following
 * weeks, over {@code ceil(delay / 7)} weeks (at least 1, at most 13).</li>
 * </ul>
 */
@Component
class ForecastRefresh {

    static final int LOCK = 0x0D50_0020;

    /** The expected money of the items in scope ({@code %s}: a condition on {@code o}), as rows of {@code parts}. */
    private static final String PARTS = """
            tenant_delay as (
                select coalesce(sum(late_weight) / nullif(sum(paid), 0), 0) as days
                from payment_behaviour where tenant_id = :tenant),
            items as (
                select o.customer_id, o.currency, o.open_amount, o.due_date, o.follow_up_date,
                       case when s.category = 'PROMISE_TO_PAY' and o.follow_up_date is not null then 'PROMISE'
                            when s.category in ('DISPUTE', 'LITIGATION') then 'RISK'
                            else 'USUAL' end as kind,
                       round(coalesce(pb.late_weight / nullif(pb.paid, 0), t.days))::integer as delay
                from open_item o
                cross join tenant_delay t
                left join payment_behaviour pb on pb.customer_id = o.customer_id
                left join item_status s on s.id = o.status_id
                where o.tenant_id = :tenant and o.type = 'INVOICE' and o.closed_at is null and o.open_amount > 0 %s),
            late as (
                select i.*, least(13, greatest(1, ceil(i.delay / 7.0)))::integer as n
                from items i where i.kind = 'USUAL' and i.due_date + i.delay < :today),
            parts as (
                select customer_id, currency, greatest(follow_up_date, :today) as expected_on, false as at_risk,
                       open_amount as amount
                from items where kind = 'PROMISE'
                union all
                select customer_id, currency, greatest(due_date + delay, :today), true, open_amount
                from items where kind = 'RISK'
                union all
                select customer_id, currency, due_date + delay, false, open_amount
                from items where kind = 'USUAL' and due_date + delay >= :today
                union all
                select l.customer_id, l.currency, :today + 7 * k, false,
                       case when k = l.n - 1 then l.open_amount - round(l.open_amount / l.n, 4) * (l.n - 1)
                            else round(l.open_amount / l.n, 4) end
                from late l cross join lateral generate_series(0, l.n - 1) k)
            """;

    /** Adds the rows of {@code changed} (currency, expected_on, at_risk, amount) to the tenant's totals. */
    private static final String ADD_TO_TOTALS = """
            insert into forecast_total (tenant_id, currency, expected_on, at_risk, amount)
            select :tenant, currency, expected_on, at_risk, sum(amount) * %s from changed
            group by currency, expected_on, at_risk
            on conflict (tenant_id, currency, expected_on, at_risk)
                do update set amount = forecast_total.amount + excluded.amount""";

    private final DatabaseClient db;
    private final List<AccountFigures> figures;

    ForecastRefresh(DatabaseClient db, org.springframework.beans.factory.ObjectProvider<AccountFigures> figures) {
        this.db = db;
        this.figures = figures.orderedStream().toList();
    }

    /** Waits for the tenant's forecast lock, held until the transaction ends. */
    Mono<Void> lock(long tenantId) {
        return db.sql("select pg_advisory_xact_lock(:key, cast(:tenant as integer))")
                .bind("key", LOCK).bind("tenant", tenantId).then();
    }

    /** Takes the tenant's forecast lock if free; false if another instance or caller holds it. */
    Mono<Boolean> tryLock(long tenantId) {
        return db.sql("select pg_try_advisory_xact_lock(:key, cast(:tenant as integer)) as locked")
                .bind("key", LOCK).bind("tenant", tenantId)
                .map((row, meta) -> row.get("locked", Boolean.class)).one();
    }

    /** Recomputes the accounts marked since the last refresh; emits how many there were. */
    Mono<Integer> marked(long tenantId, LocalDate today) {
        return db.sql("delete from forecast_change where tenant_id = :tenant returning customer_id")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("customer_id", Long.class))
                .all().distinct().collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0) : accounts(tenantId, ids, today).thenReturn(ids.size()));
    }

    private Mono<Void> accounts(long tenantId, List<Long> ids, LocalDate today) {
        Long[] array = ids.toArray(Long[]::new);
        Mono<Void> remove = db.sql("""
                        with changed as (
                            delete from forecast_expected where tenant_id = :tenant and customer_id = any(:ids)
                            returning currency, expected_on, at_risk, amount)
                        """ + ADD_TO_TOTALS.formatted("-1"))
                .bind("tenant", tenantId).bind("ids", array).then();
        Mono<Void> add = insert(db.sql("with " + PARTS.formatted("and o.customer_id = any(:ids)") + """
                        , changed as (
                            insert into forecast_expected (tenant_id, customer_id, currency, expected_on, at_risk, amount)
                            select :tenant, customer_id, currency, expected_on, at_risk, sum(amount) from parts
                            group by customer_id, currency, expected_on, at_risk
                            returning currency, expected_on, at_risk, amount)
                        """ + ADD_TO_TOTALS.formatted("1")), tenantId, today)
                .bind("ids", array).then();
        Mono<Void> tidy = db.sql("delete from forecast_total where tenant_id = :tenant and amount = 0")
                .bind("tenant", tenantId).then();
        return remove.then(add).then(tidy)
                .then(reactor.core.publisher.Flux.fromIterable(figures).concatMap(x -> x.accounts(tenantId, ids, today))
                        .then());
    }

    /** Recomputes the whole tenant as of {@code today} (the daily run: late items' dates move with the date). */
    Mono<Void> all(long tenantId, LocalDate today) {
        Mono<Void> clear = db.sql("""
                        with a as (delete from forecast_change where tenant_id = :tenant),
                             b as (delete from forecast_expected where tenant_id = :tenant)
                        delete from forecast_total where tenant_id = :tenant""")
                .bind("tenant", tenantId).then();
        Mono<Void> fill = insert(db.sql("with " + PARTS.formatted("") + """
                        insert into forecast_expected (tenant_id, customer_id, currency, expected_on, at_risk, amount)
                        select :tenant, customer_id, currency, expected_on, at_risk, sum(amount) from parts
                        group by customer_id, currency, expected_on, at_risk"""), tenantId, today).then();
        Mono<Void> totals = db.sql("""
                        insert into forecast_total (tenant_id, currency, expected_on, at_risk, amount)
                        select tenant_id, currency, expected_on, at_risk, sum(amount) from forecast_expected
                        where tenant_id = :tenant group by tenant_id, currency, expected_on, at_risk""")
                .bind("tenant", tenantId).then();
        Mono<Void> state = db.sql("""
                        insert into forecast_state (tenant_id, built_on) values (:tenant, :today)
                        on conflict (tenant_id) do update set built_on = excluded.built_on, built_at = now()""")
                .bind("tenant", tenantId).bind("today", today).then();
        return clear.then(fill).then(totals).then(state).then(windows(tenantId, today))
                .then(reactor.core.publisher.Flux.fromIterable(figures).concatMap(x -> x.all(tenantId, today)).then());
    }

    /** The 3- and 12-month payment windows, recomputed from the months when a new month has started. */
    private Mono<Void> windows(long tenantId, LocalDate today) {
        return db.sql("""
                        update payment_behaviour pb
                        set window_month = :month, paid_3m = x.paid_3m, late_3m = x.late_3m, paid_12m = x.paid_12m,
                            late_12m = x.late_12m
                        from (
                            select b.customer_id,
                                   coalesce(sum(m.paid) filter (where m.month >= :from3), 0) as paid_3m,
                                   coalesce(sum(m.late_weight) filter (where m.month >= :from3), 0) as late_3m,
                                   coalesce(sum(m.paid), 0) as paid_12m,
                                   coalesce(sum(m.late_weight), 0) as late_12m
                            from payment_behaviour b
                            left join payment_month m on m.customer_id = b.customer_id and m.month >= :from12
                            where b.tenant_id = :tenant and b.window_month < :month
                            group by b.customer_id) x
                        where pb.customer_id = x.customer_id""")
                .bind("tenant", tenantId)
                .bind("month", today.withDayOfMonth(1))
                .bind("from3", today.withDayOfMonth(1).minusMonths(2))
                .bind("from12", today.withDayOfMonth(1).minusMonths(11))
                .then();
    }

    /** The day of the tenant's last full rebuild, if any. */
    Mono<LocalDate> builtOn(long tenantId) {
        return db.sql("select built_on from forecast_state where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("built_on", LocalDate.class)).one();
    }

    /**
     * Stores this week's forecast (per account and summed), once per week: at the first run of the week (the daily
     * run on Monday, or the start of the application when that was missed). Emits true when it was taken now.
     */
    Mono<Boolean> snapshot(long tenantId, LocalDate today) {
        return db.sql("""
                        with w as (
                            insert into forecast_snapshot_week (tenant_id, week_start) values (:tenant, :week)
                            on conflict do nothing returning week_start),
                        s as (
                            insert into forecast_snapshot (tenant_id, week_start, customer_id, currency, amount)
                            select :tenant, :week, customer_id, currency, sum(amount) from forecast_expected
                            where tenant_id = :tenant and not at_risk and expected_on < :next
                              and exists (select 1 from w)
                            group by customer_id, currency
                            returning currency, amount),
                        t as (
                            insert into forecast_snapshot_total (tenant_id, week_start, currency, amount)
                            select :tenant, :week, currency, sum(amount) from s group by currency)
                        select count(*) as taken from w""")
                .bind("tenant", tenantId)
                .bind("week", Forecast.weekOf(today))
                .bind("next", Forecast.weekOf(today).plusWeeks(1))
                .map((row, meta) -> row.get("taken", Long.class) > 0).one();
    }

    private static GenericExecuteSpec insert(GenericExecuteSpec spec, long tenantId, LocalDate today) {
        return spec.bind("tenant", tenantId).bind("today", today);
    }
}
