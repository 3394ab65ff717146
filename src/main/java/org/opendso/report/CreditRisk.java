package org.opendso.report;

import static org.opendso.report.CreditRiskRule.DAYS_LATE;
import static org.opendso.report.CreditRiskRule.OVERDUE_SHARE;
import static org.opendso.report.CreditRiskRule.UTILISATION;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.forecast.ShortReads;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The credit risk of the accounts a staff member sees (narrowed by a {@link ReportFilter}; its currency is the
 * customers' currency), read from {@code credit_standing}: per account, its figures and points, recomputed from the
 * balance and payment behaviour with the forecast ({@link CreditRiskStanding}). Accounts without a balance and
 * without a limit are left out.
 */
@Service
public class CreditRisk {

    /** {@code %1$s}: which accounts (a condition on {@code c}). */
    private static final String GRADED = """
            with base as (
                select c.id, c.account, c.name, c.currency, c.credit_limit,
                       coalesce(b.balance, 0) as exposure, coalesce(b.overdue, 0) as overdue,
                       round(pb.late_12m / nullif(pb.paid_12m, 0), 1) as days_12m,
                       round(pb.late_3m / nullif(pb.paid_3m, 0), 1) as days_3m
                from customer c
                left join customer_balance b on b.customer_id = c.id
                left join payment_behaviour pb on pb.customer_id = c.id
                where %1$s),
            figures as (
                select base.*,
                       case when credit_limit > 0 then round(exposure * 100 / credit_limit, 1) end as utilisation,
                       case when exposure > 0 then round(greatest(overdue, 0) * 100 / exposure, 1) end as overdue_share,
                       days_3m - days_12m as trend,
                       credit_limit is not null and exposure > credit_limit as over_limit,
                       coalesce(days_3m - days_12m >= %2$d, false) as worsening,
                       exposure > 0 or credit_limit is not null as listed
                from base),
            graded as (
                select figures.*,
                       (case when credit_limit = 0 and exposure > 0 then %3$d else %4$s end) + %5$s + %6$s
                       + (case when worsening then %7$d else 0 end) as points
                from figures)
            """;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final org.opendso.forecast.Forecasts forecasts;

    CreditRisk(DatabaseClient db, TransactionalOperator tx, org.opendso.forecast.Forecasts forecasts) {
        this.db = db;
        this.tx = tx;
        this.forecasts = forecasts;
    }

    /** The stored standing of the accounts ({@code %s}: which, on {@code c} and {@code s}), as {@code graded}. */
    private static final String STORED = """
            with graded as (
                select s.customer_id as id, c.account, c.name, s.currency, s.exposure, s.overdue, s.credit_limit,
                       s.utilisation, s.overdue_share, s.days_12m, s.days_3m, s.trend, s.over_limit, s.worsening,
                       s.points
                from credit_standing s join customer c on c.id = s.customer_id
                where s.tenant_id = :tenant and s.listed and %s)
            """;

    private static String stored(ReportFilter f) {
        return STORED.formatted(f.customerCondition() + " and " + f.itemCondition("s"));
    }

    /** The standing computed from the accounts' current figures, as {@code graded} (to store, or for one sheet). */
    static String graded(String accounts) {
        return GRADED.formatted(accounts, CreditRiskRule.WORSENING_DAYS, UTILISATION.points().getFirst(),
                CreditRiskRule.sql(UTILISATION, "utilisation"), CreditRiskRule.sql(OVERDUE_SHARE, "overdue_share"),
                CreditRiskRule.sql(DAYS_LATE, "days_12m"), CreditRiskRule.WORSENING_POINTS);
    }


    public Mono<CreditRiskSummary> summary(Staff staff, ReportFilter filter) {
        return ShortReads.mono(tx, db, summaryPlain(staff, filter));
    }

    private Mono<CreditRiskSummary> summaryPlain(Staff staff, ReportFilter filter) {
        return currency(staff, filter).flatMap(f -> f.bind(db.sql(stored(f) + """
                        select %s as grade, count(*) as n, sum(exposure) as exposure,
                               count(*) filter (where over_limit) as over_limit,
                               count(*) filter (where worsening) as worsening
                        from graded group by 1""".formatted(CreditRiskRule.gradeSql("points"))), staff)
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> new Object[] {row.get("grade", String.class), row.get("n", Long.class),
                        row.get("exposure", BigDecimal.class), row.get("over_limit", Long.class),
                        row.get("worsening", Long.class)})
                .all().collectList()
                .map(rows -> {
                    Map<String, Long> byGrade = new LinkedHashMap<>();
                    CreditRiskRule.GRADES.forEach(g -> byGrade.put(g, 0L));
                    long n = 0;
                    long over = 0;
                    long worse = 0;
                    BigDecimal exposure = BigDecimal.ZERO;
                    for (Object[] r : rows) {
                        byGrade.put((String) r[0], (Long) r[1]);
                        n += (Long) r[1];
                        exposure = exposure.add((BigDecimal) r[2]);
                        over += (Long) r[3];
                        worse += (Long) r[4];
                    }
                    return new CreditRiskSummary(f.currency(), n, exposure, over, worse, Map.copyOf(byGrade));
                }));
    }

    /**
     * The summary, the number of accounts in the list and a page of it, in one pass over the accounts (the graded
     * rows are computed once and read twice): the endpoint's query.
     */
    public Mono<CreditRiskPage> page(Staff staff, ReportFilter filter, CreditRiskList list, int offset, int limit) {
        String grade = CreditRiskRule.gradeSql("points");
        return ShortReads.mono(tx, db, currency(staff, filter).flatMap(f -> f.bind(db.sql(stored(f) + """
                        , summary as (
                            select %1$s as grade, count(*) as n, sum(exposure) as exposure,
                                   count(*) filter (where over_limit) as over_limit,
                                   count(*) filter (where worsening) as worsening,
                                   count(*) filter (where %2$s) as listed
                            from graded group by 1),
                        page as (
                            select graded.*, %1$s as grade from graded where %2$s
                            order by points desc, exposure desc, account limit :limit offset :offset)
                        select page.*, (select json_agg(summary)::text from summary) as summary
                        from (select 1) one left join page on true
                        order by page.points desc, page.exposure desc, page.account""".formatted(grade, list.condition())),
                        staff)
                .bind("tenant", staff.tenantId()).bind("limit", limit).bind("offset", offset)
                .map((row, meta) -> new Object[] {row.get("id", Long.class) == null ? null : line(row),
                        row.get("summary", String.class)})
                .all().collectList()
                .map(rows -> {
                    List<CreditRiskLine> lines = rows.stream().map(r -> (CreditRiskLine) r[0])
                            .filter(java.util.Objects::nonNull).toList();
                    Map<String, Long> byGrade = new LinkedHashMap<>();
                    CreditRiskRule.GRADES.forEach(g -> byGrade.put(g, 0L));
                    long n = 0;
                    long over = 0;
                    long worse = 0;
                    long listed = 0;
                    BigDecimal exposure = BigDecimal.ZERO;
                    String json = (String) rows.getFirst()[1];
                    if (json != null) {
                        for (tools.jackson.databind.JsonNode g : JSON.readTree(json)) {
                            byGrade.put(g.path("grade").asString(), g.path("n").asLong());
                            n += g.path("n").asLong();
                            exposure = exposure.add(g.path("exposure").decimalValue());
                            over += g.path("over_limit").asLong();
                            worse += g.path("worsening").asLong();
                            listed += g.path("listed").asLong();
                        }
                    }
                    return new CreditRiskPage(new CreditRiskSummary(f.currency(), n, exposure, over, worse,
                            Map.copyOf(byGrade)), listed, lines);
                })));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** A page of the accounts, riskiest first (points, then exposure). */
    public Flux<CreditRiskLine> lines(Staff staff, ReportFilter filter, CreditRiskList list, int offset, int limit) {
        return ShortReads.flux(tx, db, linesPlain(staff, filter, list, offset, limit));
    }

    private Flux<CreditRiskLine> linesPlain(Staff staff, ReportFilter filter, CreditRiskList list, int offset,
                                            int limit) {
        return currency(staff, filter).flatMapMany(f -> f.bind(db.sql(stored(f) + """
                        select graded.*, %s as grade from graded where %s
                        order by points desc, exposure desc, account limit :limit offset :offset"""
                        .formatted(CreditRiskRule.gradeSql("points"), list.condition())), staff)
                .bind("tenant", staff.tenantId()).bind("limit", limit).bind("offset", offset)
                .map(CreditRisk::line)
                .all());
    }

    public Mono<Long> count(Staff staff, ReportFilter filter, CreditRiskList list) {
        return ShortReads.mono(tx, db, currency(staff, filter).flatMap(f -> f.bind(db.sql(stored(f)
                        + " select count(*) as n from graded where " + list.condition()), staff)
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> row.get("n", Long.class)).one()));
    }

    /** One account's line (whatever its currency), for its sheet; empty when not visible or nothing to grade. */
    public Mono<CreditRiskLine> ofCustomer(Staff staff, long customerId) {
        return org.opendso.customer.Visibility.bind(db.sql(graded(org.opendso.customer.Visibility.CONDITION
                        + " and c.id = :customer") + " select graded.*, %s as grade from graded where listed"
                        .formatted(CreditRiskRule.gradeSql("points"))), staff)
                .bind("customer", customerId)
                .map(CreditRisk::line)
                .one();
    }

    private static CreditRiskLine line(Readable row) {
        return new CreditRiskLine(row.get("id", Long.class), row.get("account", String.class),
                row.get("name", String.class), row.get("currency", String.class).strip(),
                row.get("exposure", BigDecimal.class), row.get("overdue", BigDecimal.class),
                row.get("credit_limit", BigDecimal.class), row.get("utilisation", BigDecimal.class),
                row.get("overdue_share", BigDecimal.class), row.get("days_12m", BigDecimal.class),
                row.get("days_3m", BigDecimal.class), row.get("trend", BigDecimal.class),
                Boolean.TRUE.equals(row.get("over_limit", Boolean.class)),
                Boolean.TRUE.equals(row.get("worsening", Boolean.class)),
                row.get("points", Integer.class), row.get("grade", String.class));
    }

    /** The filter with its currency (the company's main one by default), after the marked accounts are computed. */
    private Mono<ReportFilter> currency(Staff staff, ReportFilter filter) {
        Mono<Integer> upToDate = forecasts.refreshIfFree(staff.tenantId());
        if (filter.currency() != null) {
            return upToDate.thenReturn(filter);
        }
        return upToDate.then(db.sql("select main_currency from tenant where id = :tenant").bind("tenant", staff.tenantId())
                .map((row, meta) -> filter.withCurrency(row.get("main_currency", String.class).strip())).one());
    }
}
