package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The cash receipts report of the accounts a staff member sees, narrowed by a {@link ReportFilter}. */
@Service
public class CashReceipts {

    /** Longest span a report covers, so that a request cannot make the database read years of receipts per day. */
    public static final int MAX_DAYS = 3 * 366;
    public static final int MAX_PERIODS = 400;
    static final int CUSTOMERS = 200;

    private final DatabaseClient db;

    CashReceipts(DatabaseClient db) {
        this.db = db;
    }

    /** Why a span cannot be reported, or null when it can. */
    public static String invalidSpan(CashReceiptsPeriod period, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return "'from' is after 'to'";
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            return "A report covers at most " + MAX_DAYS + " days";
        }
        if (period == CashReceiptsPeriod.DAY && ChronoUnit.DAYS.between(from, to) >= MAX_PERIODS) {
            return "A report by day covers at most " + MAX_PERIODS + " days";
        }
        return null;
    }

    public Mono<CashReceiptsReport> of(Staff staff, ReportFilter filter, CashReceiptsPeriod period, LocalDate from,
                                       LocalDate to) {
        return currency(staff, filter).flatMap(f -> {
            String where = """
                    from cash_receipt r
                    join open_item o on o.id = r.open_item_id
                    join customer c on c.id = r.customer_id
                    where r.tenant_id = :tenant and r.received_on between :from and :to and %s and %s"""
                    .formatted(f.itemCondition("o"), f.customerCondition());
            Mono<Map<LocalDate, BigDecimal[]>> periods = f.bind(db.sql("""
                            select date_trunc(:unit, r.received_on::timestamp)::date as start,
                                   coalesce(sum(r.amount) filter (where r.received_on <= r.due_date), 0) as on_time,
                                   coalesce(sum(r.amount) filter (where r.received_on > r.due_date), 0) as late
                            """ + where + " group by 1"), staff)
                    .bind("unit", period.sqlUnit())
                    .bind("tenant", staff.tenantId()).bind("from", from).bind("to", to)
                    .map((row, meta) -> Map.entry(row.get("start", LocalDate.class), new BigDecimal[] {
                            row.get("on_time", BigDecimal.class), row.get("late", BigDecimal.class)}))
                    .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
            Mono<List<CashReceiptsReport.Customer>> customers = f.bind(db.sql("""
                            select c.account, c.name,
                                   coalesce(sum(r.amount) filter (where r.received_on <= r.due_date), 0) as on_time,
                                   coalesce(sum(r.amount) filter (where r.received_on > r.due_date), 0) as late,
                                   round(sum(r.amount * (r.received_on - r.due_date)) filter (where r.amount > 0)
                                         / nullif(sum(r.amount) filter (where r.amount > 0), 0), 1) as days_late
                            """ + where + """
                             group by c.id, c.account, c.name
                            order by sum(r.amount) desc, c.account limit :limit"""), staff)
                    .bind("tenant", staff.tenantId()).bind("from", from).bind("to", to).bind("limit", CUSTOMERS)
                    .map((row, meta) -> new CashReceiptsReport.Customer(row.get("account", String.class),
                            row.get("name", String.class), row.get("on_time", BigDecimal.class),
                            row.get("late", BigDecimal.class), row.get("days_late", BigDecimal.class)))
                    .all().collectList();
            Mono<Long> count = f.bind(db.sql("select count(distinct r.customer_id) as n " + where), staff)
                    .bind("tenant", staff.tenantId()).bind("from", from).bind("to", to)
                    .map((row, meta) -> row.get("n", Long.class)).one();
            return Mono.zip(periods, customers, count).map(t -> {
                List<CashReceiptsReport.Period> all = new ArrayList<>();
                for (LocalDate d = period.start(from); !d.isAfter(to); d = period.next(d)) {
                    BigDecimal[] v = t.getT1().get(d);
                    all.add(new CashReceiptsReport.Period(d, v == null ? BigDecimal.ZERO : v[0],
                            v == null ? BigDecimal.ZERO : v[1]));
                }
                return new CashReceiptsReport(period, from, to, f.currency(), List.copyOf(all), t.getT2(), t.getT3());
            });
        });
    }

    /** The filter's currency, or the company's main one. */
    private Mono<ReportFilter> currency(Staff staff, ReportFilter filter) {
        if (filter.currency() != null) {
            return Mono.just(filter);
        }
        return db.sql("select main_currency from tenant where id = :tenant").bind("tenant", staff.tenantId())
                .map((row, meta) -> filter.withCurrency(row.get("main_currency", String.class).strip())).one();
    }
}
