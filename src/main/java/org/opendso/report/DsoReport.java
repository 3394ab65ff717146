package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * DSO by the countback and the simple method, best possible DSO, average days delinquent and CEI, per month for a
 * year (decision 0021): past month ends from {@code receivable_month}, this month from the live item figures, the
 * sales from {@code sales_month}; the accounts of largest receivables with their own countback DSO.
 */
@Service
public class DsoReport {

    /** Points of the trend, the current month included. */
    static final int POINTS = 12;

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportScopes scopes;

    DsoReport(DatabaseClient db, ReportFigures figures, ReportScopes scopes) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
    }

    private record Receivables(BigDecimal total, BigDecimal current) {
        static final Receivables NONE = new Receivables(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public Mono<DsoTrend> of(Staff staff, ReportFilter filter, int limit) {
        LocalDate today = figures.today();
        LocalDate thisMonth = today.withDayOfMonth(1);
        return scopes.of(staff, filter).flatMap(scope -> {
            ReportFilter f = scope.filter();
            Mono<Receivables> now = scope.bind(db.sql("select coalesce(sum(f.outstanding), 0) as total,"
                            + " coalesce(sum(f.not_due), 0) as current " + scope.itemFigures("f")))
                    .map((row, meta) -> new Receivables(AgingReport.money(row, "total"), AgingReport.money(row, "current")))
                    .one();
            Mono<Map<LocalDate, Receivables>> ends = scope.bind(db.sql("select r.month, sum(r.total) as total,"
                            + " sum(r.current) as current " + scope.rows("receivable_month", "r")
                            + " and r.month >= :since group by r.month"))
                    .bind("since", thisMonth.minusMonths(POINTS))
                    .map((row, meta) -> Map.entry(row.get("month", LocalDate.class),
                            new Receivables(AgingReport.money(row, "total"), AgingReport.money(row, "current"))))
                    .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
            Mono<Map<LocalDate, BigDecimal>> sales = sales(scope, thisMonth.minusMonths(2L * POINTS));
            Mono<List<CustomerDso>> customers = limit <= 0 ? Mono.just(List.of()) : customers(scope, today, limit);
            return figures.fresh(staff.tenantId()).then(Mono.zip(now, ends, sales, customers))
                    .map(t -> new DsoTrend(f.currency(), months(today, t.getT1(), t.getT2(), t.getT3()), t.getT4()));
        });
    }

    /** The sales of the scope by month, since that month. */
    Mono<Map<LocalDate, BigDecimal>> sales(ReportScope scope, LocalDate since) {
        return scope.bind(db.sql("select s.month, sum(s.amount) as amount "
                        + scope.rows("sales_month", "s") + " and s.month >= :since group by s.month"))
                .bind("since", since)
                .map((row, meta) -> Map.entry(row.get("month", LocalDate.class), AgingReport.money(row, "amount")))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The countback DSO today of these receivables against these sales (the dashboard's figure). */
    static BigDecimal countbackToday(LocalDate today, BigDecimal receivables, Map<LocalDate, BigDecimal> sales) {
        return DsoFormulas.countback(receivables, back(today.withDayOfMonth(1), today, sales));
    }

    private static int days(LocalDate month, LocalDate today) {
        return month.equals(today.withDayOfMonth(1)) ? today.getDayOfMonth() : month.lengthOfMonth();
    }

    /** The months before and including this one, newest first, with their sales (none: zero). */
    private static List<DsoFormulas.MonthSales> back(LocalDate from, LocalDate today, Map<LocalDate, BigDecimal> sales) {
        List<DsoFormulas.MonthSales> out = new ArrayList<>();
        for (int k = 0; k < POINTS; k++) {
            LocalDate m = from.minusMonths(k);
            out.add(new DsoFormulas.MonthSales(days(m, today), sales.getOrDefault(m, BigDecimal.ZERO)));
        }
        return out;
    }

    static List<DsoMonth> months(LocalDate today, Receivables now, Map<LocalDate, Receivables> ends,
                                 Map<LocalDate, BigDecimal> sales) {
        LocalDate thisMonth = today.withDayOfMonth(1);
        List<DsoMonth> out = new ArrayList<>();
        for (int k = POINTS - 1; k >= 0; k--) {
            LocalDate m = thisMonth.minusMonths(k);
            Receivables end = k == 0 ? now : ends.getOrDefault(m, Receivables.NONE);
            Receivables beginning = ends.getOrDefault(m.minusMonths(1), Receivables.NONE);
            BigDecimal monthSales = sales.getOrDefault(m, BigDecimal.ZERO);
            int days = days(m, today);
            BigDecimal simple = DsoFormulas.simple(end.total(), monthSales, days);
            BigDecimal best = DsoFormulas.simple(end.current(), monthSales, days);
            out.add(new DsoMonth(m, days, k == 0, end.total(), end.current(), monthSales,
                    DsoFormulas.countback(end.total(), back(m, today, sales)), simple, best,
                    simple == null ? null : simple.subtract(best),
                    DsoFormulas.cei(beginning.total(), monthSales, end.total(), end.current())));
        }
        return out;
    }

    private Mono<List<CustomerDso>> customers(ReportScope scope, LocalDate today, int limit) {
        LocalDate thisMonth = today.withDayOfMonth(1);
        return scope.bind(db.sql("""
                        with top as (
                            select c.id, c.account, c.name, f.outstanding as total, f.not_due as current
                            %s
                            order by f.outstanding desc, f.customer_id limit :limit)
                        select top.*, s.month, s.amount
                        from top
                        left join sales_month s on s.tenant_id = :v_tenant and s.currency = :f_currency
                             and s.customer_id = top.id and s.month >= :since
                        order by top.total desc, top.id""".formatted(scope.largest("f"))))
                .bind("limit", limit)
                .bind("since", thisMonth.minusMonths(POINTS - 1))
                .map((row, meta) -> new SalesRow(row.get("account", String.class), row.get("name", String.class),
                        AgingReport.money(row, "total"), AgingReport.money(row, "current"),
                        row.get("month", LocalDate.class), AgingReport.money(row, "amount")))
                .all().collectList()
                .map(rows -> {
                    Map<String, List<SalesRow>> byAccount = new LinkedHashMap<>();
                    rows.forEach(r -> byAccount.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r));
                    List<CustomerDso> out = new ArrayList<>();
                    byAccount.forEach((account, list) -> {
                        Map<LocalDate, BigDecimal> sales = new HashMap<>();
                        list.stream().filter(r -> r.month() != null).forEach(r -> sales.put(r.month(), r.amount()));
                        SalesRow first = list.getFirst();
                        BigDecimal monthSales = sales.getOrDefault(thisMonth, BigDecimal.ZERO);
                        out.add(new CustomerDso(account, first.name(), first.total(), first.current(), monthSales,
                                DsoFormulas.countback(first.total(), back(thisMonth, today, sales)),
                                DsoFormulas.simple(first.total(), monthSales, today.getDayOfMonth())));
                    });
                    return out;
                });
    }

    private record SalesRow(String account, String name, BigDecimal total, BigDecimal current, LocalDate month,
                            BigDecimal amount) {
    }
}
