package org.opendso.report;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Outstanding and overdue by status and category, and the qualification rate with its weekly trend. */
@Service
public class ItemsStatusReport {

    /** Weeks of the trend before this one. */
    static final int WEEKS = 12;

    private static final List<String> CATEGORIES = List.of("ON_GOING", "PROMISE_TO_PAY", "DISPUTE", "DISPUTE_RESOLVED",
            "LITIGATION");

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportScopes scopes;

    ItemsStatusReport(DatabaseClient db, ReportFigures figures, ReportScopes scopes) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
    }

    public Mono<ItemsStatus> of(Staff staff, ReportFilter filter) {
        return scopes.of(staff, filter).flatMap(scope -> {
            ReportFilter f = scope.filter();
            Mono<List<Row4>> statuses = scope.bind(db.sql("""
                            select s.category, s.code, s.label_en, s.label_fr, x.*
                            from (select f.status_id, sum(f.outstanding) as outstanding,
                                         sum(f.d1_30 + f.d31_60 + f.d61_90 + f.over90) as overdue,
                                         sum(f.items) as items, sum(f.overdue_items) as overdue_items,
                                         sum(f.commented_overdue) as commented, sum(f.commented_overdue_items) as commented_items
                                  %s
                                  group by f.status_id having sum(f.items) <> 0) x
                            left join item_status s on s.id = x.status_id and s.tenant_id = :v_tenant
                            order by x.status_id = 0, s.category, s.code""".formatted(scope.itemFigures("f"))))
                    .map((row, meta) -> new Row4(line(row), row.get("status_id", Long.class) != 0,
                            AgingReport.money(row, "commented"), number(row, "commented_items")))
                    .all().collectList();
            Mono<List<WeekPoint>> past = scope.bind(db.sql("""
                            select q.week, sum(q.overdue) as overdue, sum(q.qualified) as qualified,
                                   sum(q.overdue_items) as overdue_items, sum(q.qualified_items) as qualified_items
                            %s and q.week >= :since and q.week < :this_week
                            group by q.week order by q.week""".formatted(scope.rows("qualification_week", "q"))))
                    .bind("since", ReportFigures.week(figures.today()).minusWeeks(WEEKS))
                    .bind("this_week", ReportFigures.week(figures.today()))
                    .map((row, meta) -> new WeekPoint(row.get("week", LocalDate.class), new Qualification(
                            AgingReport.money(row, "overdue"), AgingReport.money(row, "qualified"),
                            number(row, "overdue_items"), number(row, "qualified_items"))))
                    .all().collectList();
            return figures.fresh(staff.tenantId()).then(Mono.zip(statuses, past))
                    .map(t -> report(f.currency(), t.getT1(), t.getT2()));
        });
    }

    private record Row4(StatusLine line, boolean qualified, BigDecimal commented, long commentedItems) {
    }

    private ItemsStatus report(String currency, List<Row4> rows, List<WeekPoint> past) {
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal qualified = BigDecimal.ZERO;
        long overdueItems = 0;
        long qualifiedItems = 0;
        Map<String, StatusLine> categories = new LinkedHashMap<>();
        for (Row4 r : rows) {
            overdue = overdue.add(r.line().overdue());
            overdueItems += r.line().overdueItems();
            if (r.qualified()) {
                qualified = qualified.add(r.commented());
                qualifiedItems += r.commentedItems();
            }
            String key = r.line().category() == null ? "" : r.line().category();
            categories.merge(key, new StatusLine(r.line().category(), null, null, null, r.line().outstanding(),
                    r.line().overdue(), r.line().items(), r.line().overdueItems()), ItemsStatusReport::plus);
        }
        List<StatusLine> byCategory = new ArrayList<>();
        for (String c : CATEGORIES) {
            if (categories.containsKey(c)) {
                byCategory.add(categories.get(c));
            }
        }
        if (categories.containsKey("")) {
            byCategory.add(categories.get(""));
        }
        Qualification now = new Qualification(overdue, qualified, overdueItems, qualifiedItems);
        List<WeekPoint> trend = new ArrayList<>(past);
        trend.add(new WeekPoint(figures.today(), now));
        return new ItemsStatus(currency, byCategory, rows.stream().map(Row4::line).toList(), now, trend);
    }

    private static StatusLine plus(StatusLine a, StatusLine b) {
        return new StatusLine(a.category(), null, null, null, a.outstanding().add(b.outstanding()),
                a.overdue().add(b.overdue()), a.items() + b.items(), a.overdueItems() + b.overdueItems());
    }

    private static StatusLine line(Row row) {
        return new StatusLine(row.get("category", String.class), row.get("code", String.class),
                row.get("label_en", String.class), row.get("label_fr", String.class),
                AgingReport.money(row, "outstanding"), AgingReport.money(row, "overdue"),
                number(row, "items"), number(row, "overdue_items"));
    }

    static long number(Row row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
