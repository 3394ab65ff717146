package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendso.report.ReportFilter;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cash forecast of the accounts a staff member sees, narrowed by a {@link ReportFilter}, in one currency (the
 * filter's, or the company's main one). The whole book (an admin, or a collector of a company whose collectors see
 * every account, without filters) is read from the tenant's totals; a narrower one sums its accounts' expected
 * money. Days are the application's time zone (the server's unless a {@link Clock} bean says otherwise).
 */
@Service
public class Forecasts {

    private final DatabaseClient db;
    private final ForecastRefresh refresh;
    private final TransactionalOperator tx;
    private final Clock clock;

    Forecasts(DatabaseClient db, ForecastRefresh refresh, TransactionalOperator tx, Optional<Clock> clock) {
        this.db = db;
        this.refresh = refresh;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The forecast after bringing in the changes not yet computed (unless another caller is at it right now). */
    public Mono<Forecast> current(Staff staff, ReportFilter filter) {
        return refreshIfFree(staff.tenantId()).then(read(staff, filter, today()));
    }

    /** The forecast as stored, as of {@code today}. */
    public Mono<Forecast> read(Staff staff, ReportFilter filter, LocalDate today) {
        return ShortReads.mono(tx, db, readPlain(staff, filter, today));
    }

    private Mono<Forecast> readPlain(Staff staff, ReportFilter filter, LocalDate today) {
        return db.sql("select main_currency, collectors_see_all from tenant where id = :tenant")
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> new Object[] {row.get("main_currency", String.class).strip(),
                        row.get("collectors_see_all", Boolean.class)})
                .one()
                .flatMap(t -> {
                    ReportFilter f = filter.currency() == null ? filter.withCurrency((String) t[0]) : filter;
                    boolean whole = wholeBook(staff, f, (Boolean) t[1]);
                    return Mono.zip(expected(staff, f, whole).collectList(), accuracy(staff, f, whole, today))
                            .map(z -> Forecast.of(f.currency(), today, z.getT1(), z.getT2()));
                });
    }

    /** Whether the staff member sees every account and the filter narrows nothing: the tenant totals answer. */
    public static boolean wholeBook(Staff staff, ReportFilter f, boolean collectorsSeeAll) {
        boolean seesAll = staff.role() == Role.ADMIN || (staff.role() == Role.COLLECTOR && collectorsSeeAll);
        return seesAll && f.collectorId() == null && f.salesManagerId() == null && f.scenarioId() == null
                && f.customer() == null;
    }

    /**
     * The accounts of a filtered view, read once per query; their rows are then read account by account from the
     * covering indexes (a lateral join: the planner's estimate of the visible accounts is poor, and a hash join
     * would scan the whole tenant's rows).
     */
    static String accounts(ReportFilter f) {
        return "with acc as materialized (select c.id from customer c where " + f.customerCondition() + ") ";
    }

    private Flux<Expected> expected(Staff staff, ReportFilter f, boolean whole) {
        var spec = whole
                ? db.sql("""
                        select expected_on, at_risk, amount from forecast_total
                        where tenant_id = :tenant and currency = :f_currency""").bind("f_currency", f.currency())
                : f.bind(db.sql(accounts(f) + """
                        select x.expected_on, x.at_risk, sum(x.amount) as amount
                        from acc cross join lateral (
                            select * from forecast_expected x
                            where x.customer_id = acc.id and x.tenant_id = :tenant and %s offset 0) x
                        group by x.expected_on, x.at_risk""".formatted(f.itemCondition("x"))), staff);
        return spec.bind("tenant", staff.tenantId())
                .map((row, meta) -> new Expected(row.get("expected_on", LocalDate.class),
                        row.get("at_risk", Boolean.class), row.get("amount", BigDecimal.class)))
                .all();
    }

    /** The past weeks: the stored forecast of each (where one was taken) and the receipts of its items' currency. */
    private Mono<List<Accuracy>> accuracy(Staff staff, ReportFilter f, boolean whole, LocalDate today) {
        LocalDate thisWeek = Forecast.weekOf(today);
        LocalDate from = thisWeek.minusWeeks(Forecast.PAST_WEEKS);
        Mono<List<LocalDate>> taken = db.sql("""
                        select week_start from forecast_snapshot_week
                        where tenant_id = :tenant and week_start >= :from and week_start < :to""")
                .bind("tenant", staff.tenantId()).bind("from", from).bind("to", thisWeek)
                .map((row, meta) -> row.get("week_start", LocalDate.class)).all().collectList();
        var storedSpec = whole
                ? db.sql("""
                        select week_start, amount from forecast_snapshot_total
                        where tenant_id = :tenant and week_start >= :from and week_start < :to
                          and currency = :f_currency""").bind("f_currency", f.currency())
                : f.bind(db.sql(accounts(f) + """
                        select x.week_start, sum(x.amount) as amount
                        from acc cross join lateral (
                            select * from forecast_snapshot x
                            where x.customer_id = acc.id and x.tenant_id = :tenant and x.week_start >= :from
                              and x.week_start < :to and %s offset 0) x
                        group by x.week_start""".formatted(f.itemCondition("x"))), staff);
        var receivedSpec = whole
                ? db.sql("""
                        select date_trunc('week', d.received_on::timestamp)::date as week_start,
                               sum(d.on_time + d.late) as amount
                        from receipt_day_total d
                        where d.tenant_id = :tenant and d.received_on >= :from and d.received_on < :to
                          and d.currency = :f_currency
                        group by 1""").bind("f_currency", f.currency())
                : f.bind(db.sql(accounts(f) + """
                        select date_trunc('week', d.received_on::timestamp)::date as week_start,
                               sum(d.on_time + d.late) as amount
                        from acc cross join lateral (
                            select * from receipt_day d
                            where d.customer_id = acc.id and d.tenant_id = :tenant and d.received_on >= :from
                              and d.received_on < :to and %s offset 0) d
                        group by 1""".formatted(f.itemCondition("d"))), staff);
        Mono<Map<LocalDate, BigDecimal>> stored = weekly(storedSpec, staff, from, thisWeek);
        Mono<Map<LocalDate, BigDecimal>> received = weekly(receivedSpec, staff, from, thisWeek);
        return Mono.zip(taken, stored, received).map(z -> {
            List<Accuracy> weeks = new ArrayList<>();
            for (LocalDate w = from; w.isBefore(thisWeek); w = w.plusWeeks(1)) {
                BigDecimal forecast = z.getT1().contains(w) ? z.getT2().getOrDefault(w, BigDecimal.ZERO) : null;
                weeks.add(new Accuracy(w, forecast, z.getT3().getOrDefault(w, BigDecimal.ZERO)));
            }
            return weeks;
        });
    }

    private static Mono<Map<LocalDate, BigDecimal>> weekly(DatabaseClient.GenericExecuteSpec spec, Staff staff,
                                                           LocalDate from, LocalDate to) {
        return spec.bind("tenant", staff.tenantId()).bind("from", from).bind("to", to)
                .map((row, meta) -> Map.entry(row.get("week_start", LocalDate.class), row.get("amount", BigDecimal.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    // --- keeping it up to date ----------------------------------------------------------------------------------

    /** Brings in the marked changes of a tenant, waiting for another refresh of it to end; emits the accounts done. */
    public Mono<Integer> refresh(long tenantId) {
        return refresh.lock(tenantId).then(refresh.marked(tenantId, today())).as(tx::transactional);
    }

    /** Same, unless another instance or caller refreshes the tenant at this moment (then it does the work). */
    public Mono<Integer> refreshIfFree(long tenantId) {
        return refresh.tryLock(tenantId)
                .flatMap(locked -> locked ? refresh.marked(tenantId, today()) : Mono.just(0))
                .as(tx::transactional);
    }

    /** Recomputes the tenant's forecast as of {@code today}, then stores this week's if not stored yet. */
    public Mono<Void> rebuild(long tenantId, LocalDate today) {
        return refresh.lock(tenantId).then(refresh.all(tenantId, today)).then(refresh.snapshot(tenantId, today))
                .then().as(tx::transactional);
    }

    /** Rebuilds the tenant unless it was rebuilt today (or another instance holds its lock). */
    Mono<Boolean> rebuildIfStale(long tenantId, LocalDate today) {
        return refresh.tryLock(tenantId)
                .flatMap(locked -> !locked ? Mono.just(false) : refresh.builtOn(tenantId)
                        .map(on -> on.isBefore(today)).defaultIfEmpty(true)
                        .flatMap(stale -> stale
                                ? refresh.all(tenantId, today).then(refresh.snapshot(tenantId, today)).thenReturn(true)
                                : refresh.snapshot(tenantId, today).thenReturn(false)))
                .as(tx::transactional);
    }

    Flux<Long> tenants() {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all();
    }

    Flux<Long> tenantsWithChanges() {
        return db.sql("select distinct tenant_id from forecast_change")
                .map((row, meta) -> row.get("tenant_id", Long.class)).all();
    }
}
