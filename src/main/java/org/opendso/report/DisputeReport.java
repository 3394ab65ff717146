package org.opendso.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Open disputes, read from the items of a DISPUTE status (through the partial index on status_id: disputed items
 * are few) with the assignee of their open dispute follow-up; the average resolution time from the follow-ups
 * completed.
 */
@Service
public class DisputeReport {

    static final List<String> BUCKETS = List.of("0_30", "31_60", "61_90", "over90");

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportScopes scopes;

    DisputeReport(DatabaseClient db, ReportFigures figures, ReportScopes scopes) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
    }

    private static final String DISPUTED = """
            select c.id as customer_id, c.account, c.name, s.code, s.label_en, s.label_fr, o.open_amount,
                   coalesce(o.status_date, o.changed_at::date, o.updated_at::date) as since,
                   (select u.name from specific_action_item sai
                    join specific_action a on a.id = sai.action_id
                    join app_user u on u.id = a.assignee_id
                    where sai.open_item_id = o.id and a.kind = 'DISPUTE_FOLLOW_UP' and a.state = 'OPEN'
                    order by a.id limit 1) as resolver
            from open_item o
            join item_status s on s.id = o.status_id and s.tenant_id = o.tenant_id and s.category = 'DISPUTE'
            join customer c on c.id = o.customer_id
            where o.tenant_id = :v_tenant and o.status_id is not null and o.closed_at is null and o.open_amount <> 0
              and o.currency = :f_currency and %s""";

    public Mono<Disputes> of(Staff staff, ReportFilter filter) {
        LocalDate today = figures.today();
        return scopes.of(staff, filter).flatMap(scope -> {
            ReportFilter f = scope.filter();
            String disputed = DISPUTED.formatted(f.customerCondition());
            Mono<List<DisputeLine>> lines = scope.bind(db.sql("""
                            select d.account, d.name, d.code, d.label_en, d.label_fr, sum(d.open_amount) as amount,
                                   count(*) as items, min(d.since) as since,
                                   string_agg(distinct d.resolver, ', ' order by d.resolver) as resolvers
                            from (%s) d
                            group by d.customer_id, d.account, d.name, d.code, d.label_en, d.label_fr
                            order by min(d.since), d.account, d.code""".formatted(disputed)))
                    .map((row, meta) -> {
                        LocalDate since = row.get("since", LocalDate.class);
                        return new DisputeLine(row.get("account", String.class), row.get("name", String.class),
                                row.get("code", String.class), row.get("label_en", String.class),
                                row.get("label_fr", String.class), AgingReport.money(row, "amount"),
                                ItemsStatusReport.number(row, "items"), since,
                                since == null ? 0 : today.toEpochDay() - since.toEpochDay(),
                                row.get("resolvers", String.class));
                    })
                    .all().collectList();
            Mono<List<DisputeAge>> ages = scope.bind(db.sql("""
                            select coalesce(sum(d.open_amount) filter (where :today - d.since <= 30), 0) as a0_30,
                                   count(*) filter (where :today - d.since <= 30) as n0_30,
                                   coalesce(sum(d.open_amount) filter (where :today - d.since between 31 and 60), 0) as a31_60,
                                   count(*) filter (where :today - d.since between 31 and 60) as n31_60,
                                   coalesce(sum(d.open_amount) filter (where :today - d.since between 61 and 90), 0) as a61_90,
                                   count(*) filter (where :today - d.since between 61 and 90) as n61_90,
                                   coalesce(sum(d.open_amount) filter (where :today - d.since > 90), 0) as aover90,
                                   count(*) filter (where :today - d.since > 90) as nover90
                            from (%s) d""".formatted(disputed)))
                    .bind("today", today)
                    .map((row, meta) -> BUCKETS.stream().map(b -> new DisputeAge(b, AgingReport.money(row, "a" + b),
                            ItemsStatusReport.number(row, "n" + b))).toList())
                    .one();
            Mono<BigDecimal[]> resolution = scope.bind(db.sql("""
                            select avg(extract(epoch from (a.completed_at - a.created_at)) / 86400) as days,
                                   count(*) as n
                            from specific_action a
                            join customer c on c.id = a.customer_id
                            where a.tenant_id = :v_tenant and a.kind = 'DISPUTE_FOLLOW_UP' and a.state = 'COMPLETED'
                              and a.completed_at is not null and %s
                              and :f_currency is not null -- resolution times have no currency; every bound name appears""".formatted(f.customerCondition())))
                    .map((row, meta) -> {
                        BigDecimal days = row.get("days", BigDecimal.class);
                        return new BigDecimal[] {days == null ? null : days.setScale(1, RoundingMode.HALF_UP),
                                BigDecimal.valueOf(ItemsStatusReport.number(row, "n"))};
                    })
                    .one();
            return Mono.zip(lines, ages, resolution).map(t -> new Disputes(f.currency(),
                    t.getT2().stream().map(DisputeAge::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    t.getT2().stream().mapToLong(DisputeAge::items).sum(), t.getT2(), t.getT1(),
                    t.getT3()[0], t.getT3()[1].longValue()));
        });
    }
}
