package org.opendso.report;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The aging balance, read from the per-account figures (never from the items themselves). */
@Service
public class AgingReport {

    static final String SUMS = """
            coalesce(sum(f.not_due), 0) as not_due, coalesce(sum(f.d1_30), 0) as d1_30,
            coalesce(sum(f.d31_60), 0) as d31_60, coalesce(sum(f.d61_90), 0) as d61_90,
            coalesce(sum(f.over90), 0) as over90, coalesce(sum(f.credits), 0) as credits""";

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportCurrencies currencies;

    AgingReport(DatabaseClient db, ReportFigures figures, ReportCurrencies currencies) {
        this.db = db;
        this.figures = figures;
        this.currencies = currencies;
    }

    /** The total and the {@code limit} accounts of largest balance (0: the total only). */
    public Mono<AgingBalance> of(Staff staff, ReportFilter filter, int limit) {
        return currencies.withCurrency(staff.tenantId(), filter).flatMap(f -> {
            ReportScope scope = new ReportScope(staff, f);
            Mono<reactor.util.function.Tuple2<AgingFigures, Long>> total = scope.bind(db.sql("select " + SUMS
                            + ", count(distinct f.customer_id) as accounts " + scope.rows("report_item_figures", "f", false)))
                    .map((row, meta) -> reactor.util.function.Tuples.of(figures(row), row.get("accounts", Long.class)))
                    .one();
            Mono<java.util.List<CustomerAging>> lines = limit <= 0 ? Mono.just(java.util.List.of())
                    : scope.bind(db.sql("select c.account, c.name, " + SUMS + " "
                                    + scope.accounts("report_item_figures", "f")
                                    + " group by c.id, c.account, c.name order by sum(f.outstanding) desc, c.account limit :limit"))
                            .bind("limit", limit)
                            .map((row, meta) -> new CustomerAging(row.get("account", String.class),
                                    row.get("name", String.class), figures(row)))
                            .all().collectList();
            return figures.fresh(staff.tenantId())
                    .then(Mono.zip(total, lines))
                    .map(t -> new AgingBalance(f.currency(), t.getT1().getT1(), t.getT1().getT2(), t.getT2()));
        });
    }

    static AgingFigures figures(Row row) {
        return new AgingFigures(money(row, "not_due"), money(row, "d1_30"), money(row, "d31_60"), money(row, "d61_90"),
                money(row, "over90"), money(row, "credits"));
    }

    static BigDecimal money(Row row, String column) {
        BigDecimal value = row.get(column, BigDecimal.class);
        return value == null ? BigDecimal.ZERO.setScale(4) : value;
    }
}
