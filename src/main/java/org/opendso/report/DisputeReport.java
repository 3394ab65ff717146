package org.opendso.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Open disputes, read from the item figures of the DISPUTE statuses (amounts, counts, the oldest status date, the
 * amounts by days since disputed); the resolvers (assignees of the open dispute follow-ups) only for the lines shown;
 * the average resolution time from the follow-ups completed.
 */
@Service
public class DisputeReport {

    static final List<String> BUCKETS = List.of("0_30", "31_60", "61_90", "over90");

    /** Lines a page shows (the CSV holds them all). */
    public static final int LINES = 500;

    private static final String DISPUTE_STATUSES =
            "(select s.id from item_status s where s.tenant_id = :v_tenant and s.category = 'DISPUTE')";

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportScopes scopes;

    DisputeReport(DatabaseClient db, ReportFigures figures, ReportScopes scopes) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
    }

    public Mono<Disputes> of(Staff staff, ReportFilter filter) {
        return of(staff, filter, LINES);
    }

    private record Line(long customerId, long statusId, DisputeLine line) {
    }

    public Mono<Disputes> of(Staff staff, ReportFilter filter, int limit) {
        LocalDate today = figures.today();
        return scopes.of(staff, filter).flatMap(scope -> {
            ReportFilter f = scope.filter();
            StringBuilder sums = new StringBuilder("select coalesce(sum(f.outstanding), 0) as amount, coalesce(sum(f.items), 0) as items");
            for (String b : BUCKETS) {
                sums.append(", coalesce(sum(f.aged_").append(b).append("), 0) as a").append(b)
                        .append(", coalesce(sum(f.aged_items_").append(b).append("), 0) as n").append(b);
            }
            Mono<List<DisputeAge>> ages = scope.bind(db.sql(sums + " " + scope.itemFigures("f")
                            + " and f.status_id <> 0 and f.status_id in " + DISPUTE_STATUSES))
                    .map((row, meta) -> BUCKETS.stream().map(b -> new DisputeAge(b, AgingReport.money(row, "a" + b),
                            ItemsStatusReport.number(row, "n" + b))).toList())
                    .one();
            // for the whole company the oldest lines are taken before joining the accounts: 100k disputed rows
            // sorted, 500 joined
            String rows = scope.wholeCompany()
                    ? ("from (select * from report_item_figures where tenant_id = :v_tenant and currency = :f_currency"
                       + " and status_id <> 0 and status_id in %s order by status_since, customer_id, status_id"
                       + " limit :limit) f join customer c on c.id = f.customer_id where (:v_admin or :v_collector or :v_user = 0)")
                            .formatted(DISPUTE_STATUSES)
                    : scope.accounts("report_item_figures", "f") + " and f.status_id <> 0 and f.status_id in " + DISPUTE_STATUSES;
            Mono<Long> count = scope.bind(db.sql("select count(*) as n " + scope.everyAccount("report_item_figures", "f")
                            + " and f.status_id <> 0 and f.status_id in " + DISPUTE_STATUSES))
                    .map((row, meta) -> row.get("n", Long.class)).one();
            Mono<List<Line>> lines = scope.bind(db.sql("""
                            select x.*, s.code, s.label_en, s.label_fr
                            from (select c.id as customer_id, c.account, c.name, f.status_id, f.outstanding, f.items,
                                         f.status_since
                                  %s
                                  order by f.status_since, f.customer_id, f.status_id limit :limit) x
                            join item_status s on s.id = x.status_id
                            order by x.status_since, x.customer_id, x.status_id""".formatted(rows)))
                    .bind("limit", limit)
                    .map((row, meta) -> {
                        LocalDate since = row.get("status_since", LocalDate.class);
                        return new Line(row.get("customer_id", Long.class), row.get("status_id", Long.class),
                                new DisputeLine(row.get("account", String.class), row.get("name", String.class),
                                        row.get("code", String.class), row.get("label_en", String.class),
                                        row.get("label_fr", String.class), AgingReport.money(row, "outstanding"),
                                        ItemsStatusReport.number(row, "items"), since,
                                        since == null ? 0 : today.toEpochDay() - since.toEpochDay(), null));
                    })
                    .all().collectList()
                    .flatMap(found -> resolvers(staff.tenantId(), found));
            Mono<BigDecimal[]> resolution = scope.bind(db.sql("""
                            select avg(extract(epoch from (a.completed_at - a.created_at)) / 86400) as days,
                                   count(*) as n
                            from specific_action a
                            join customer c on c.id = a.customer_id
                            where a.tenant_id = :v_tenant and a.kind = 'DISPUTE_FOLLOW_UP' and a.state = 'COMPLETED'
                              and a.completed_at is not null and %s
                              and :f_currency is not null -- resolution times have no currency; every bound name appears"""
                            .formatted(f.customerCondition())))
                    .map((row, meta) -> {
                        BigDecimal days = row.get("days", BigDecimal.class);
                        return new BigDecimal[] {days == null ? null : days.setScale(1, RoundingMode.HALF_UP),
                                BigDecimal.valueOf(ItemsStatusReport.number(row, "n"))};
                    })
                    .one();
            return figures.fresh(staff.tenantId()).then(Mono.zip(ages, lines, count, resolution)).map(t -> new Disputes(
                    f.currency(), t.getT1().stream().map(DisputeAge::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    t.getT1().stream().mapToLong(DisputeAge::items).sum(), t.getT1(),
                    t.getT2().stream().map(Line::line).toList(), t.getT3(), t.getT4()[0], t.getT4()[1].longValue()));
        });
    }

    /** The assignees of the open dispute follow-ups on the items of these lines: one read for all of them. */
    private Mono<List<Line>> resolvers(long tenantId, List<Line> lines) {
        if (lines.isEmpty()) {
            return Mono.just(lines);
        }
        return db.sql("""
                        select o.customer_id, o.status_id, string_agg(distinct u.name, ', ' order by u.name) as names
                        from open_item o
                        join specific_action_item sai on sai.open_item_id = o.id
                        join specific_action a on a.id = sai.action_id and a.kind = 'DISPUTE_FOLLOW_UP' and a.state = 'OPEN'
                        join app_user u on u.id = a.assignee_id
                        where o.tenant_id = :tenant and o.customer_id = any(:customers) and o.status_id = any(:statuses)
                          and o.closed_at is null and o.open_amount <> 0
                        group by o.customer_id, o.status_id""")
                .bind("tenant", tenantId)
                .bind("customers", lines.stream().map(Line::customerId).distinct().toArray(Long[]::new))
                .bind("statuses", lines.stream().map(Line::statusId).distinct().toArray(Long[]::new))
                .map((row, meta) -> Map.entry(row.get("customer_id", Long.class) + ":" + row.get("status_id", Long.class),
                        row.get("names", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(names -> {
                    List<Line> out = new ArrayList<>();
                    for (Line l : lines) {
                        DisputeLine d = l.line();
                        out.add(new Line(l.customerId(), l.statusId(), new DisputeLine(d.account(), d.name(), d.code(),
                                d.labelEn(), d.labelFr(), d.amount(), d.items(), d.since(), d.ageDays(),
                                names.get(l.customerId() + ":" + l.statusId()))));
                    }
                    return out;
                });
    }
}
