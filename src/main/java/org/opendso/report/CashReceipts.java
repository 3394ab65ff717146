package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendso.forecast.Forecasts;
import org.opendso.forecast.ShortReads;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The cash receipts report of the accounts a staff member sees, narrowed by a {@link ReportFilter}. */
@Service
public class CashReceipts {

    /** Longest span a report covers, so that a request cannot make the database read years of receipts per day. */
    public static final int MAX_DAYS = 3 * 366;
    public static final int MAX_PERIODS = 400;
    static final int CUSTOMERS = 200;

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    CashReceipts(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
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
        return db.sql("select main_currency, collectors_see_all from tenant where id = :tenant")
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> new Object[] {row.get("main_currency", String.class).strip(),
                        row.get("collectors_see_all", Boolean.class)})
                .one()
                .flatMap(t -> {
                    ReportFilter f = filter.currency() == null ? filter.withCurrency((String) t[0]) : filter;
                    return read(staff, f, Forecasts.wholeBook(staff, f, (Boolean) t[1]), period, from, to);
                })
                .as(read -> ShortReads.mono(tx, db, read));
    }

    private Mono<CashReceiptsReport> read(Staff staff, ReportFilter f, boolean whole, CashReceiptsPeriod period,
                                          LocalDate from, LocalDate to) {
        String accounts = "with acc as materialized (select c.id from customer c where " + f.customerCondition() + ") ";
        var periodSpec = whole
                ? db.sql("""
                        select date_trunc(:unit, d.received_on::timestamp)::date as start, sum(d.on_time) as on_time,
                               sum(d.late) as late
                        from receipt_day_total d
                        where d.tenant_id = :tenant and d.received_on between :from and :to and d.currency = :f_currency
                        group by 1""").bind("f_currency", f.currency())
                : f.bind(db.sql(accounts + """
                        select date_trunc(:unit, d.received_on::timestamp)::date as start, sum(d.on_time) as on_time,
                               sum(d.late) as late
                        from acc cross join lateral (
                            select * from receipt_day d
                            where d.customer_id = acc.id and d.tenant_id = :tenant
                              and d.received_on between :from and :to and %s offset 0) d
                        group by 1""".formatted(f.itemCondition("d"))), staff);
        Mono<Map<LocalDate, BigDecimal[]>> periods = periodSpec
                .bind("unit", period.sqlUnit())
                .bind("tenant", staff.tenantId()).bind("from", from).bind("to", to)
                .map((row, meta) -> Map.entry(row.get("start", LocalDate.class), new BigDecimal[] {
                        row.get("on_time", BigDecimal.class), row.get("late", BigDecimal.class)}))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        long[] customerCount = {0};
        // the whole book reads its days directly; a narrower view account by account (see Forecasts.accounts)
        String days = whole
                ? "receipt_day d where d.tenant_id = :tenant and d.received_on between :from and :to and "
                        + f.itemCondition("d")
                : """
                  acc cross join lateral (
                      select * from receipt_day d
                      where d.customer_id = acc.id and d.tenant_id = :tenant
                        and d.received_on between :from and :to and %s offset 0) d""".formatted(f.itemCondition("d"));
        // every paying account is summed (two sums only), then the days late of the 200 shown are read by key:
        // on the whole book the other sums, done for every account, cost more than the report's time goal
        String top = (whole ? "with " : accounts + ", ") + """
                top as (
                    select d.customer_id, sum(d.on_time) as on_time, sum(d.late) as late,
                           count(*) over () as customers
                    from %s
                    group by d.customer_id
                    order by sum(d.on_time) + sum(d.late) desc, d.customer_id limit :limit)
                select c.account, c.name, top.*,
                       (select round(sum(x.late_weight) / nullif(sum(x.paid), 0), 1) from receipt_day x
                        where x.customer_id = top.customer_id and x.received_on between :from and :to and %s)
                           as days_late
                from top join customer c on c.id = top.customer_id
                order by top.on_time + top.late desc, c.account""".formatted(days, f.itemCondition("x"));
        var customerSpec = whole ? db.sql(top).bind("f_currency", f.currency()) : f.bind(db.sql(top), staff);
        Mono<List<CashReceiptsReport.Customer>> customers = customerSpec
                .bind("tenant", staff.tenantId()).bind("from", from).bind("to", to).bind("limit", CUSTOMERS)
                .map((row, meta) -> {
                    customerCount[0] = row.get("customers", Long.class);
                    return new CashReceiptsReport.Customer(row.get("account", String.class),
                            row.get("name", String.class), row.get("on_time", BigDecimal.class),
                            row.get("late", BigDecimal.class), row.get("days_late", BigDecimal.class));
                })
                .all().collectList();
        return Mono.zip(periods, customers).map(t -> {
            List<CashReceiptsReport.Period> all = new ArrayList<>();
            for (LocalDate d = period.start(from); !d.isAfter(to); d = period.next(d)) {
                BigDecimal[] v = t.getT1().get(d);
                all.add(new CashReceiptsReport.Period(d, v == null ? BigDecimal.ZERO : v[0],
                        v == null ? BigDecimal.ZERO : v[1]));
            }
            return new CashReceiptsReport(period, from, to, f.currency(), List.copyOf(all), t.getT2(),
                    t.getT2().isEmpty() ? 0 : customerCount[0]);
        });
    }
}
