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
    private final ReportScopes scopes;

    AgingReport(DatabaseClient db, ReportFigures figures, ReportScopes scopes) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
    }

    /** The total and the {@code limit} accounts of largest balance (0: the total only). */
    public Mono<AgingBalance> of(Staff staff, ReportFilter filter, int limit) {
        return scopes.of(staff, filter).flatMap(scope -> {
            ReportFilter f = scope.filter();
            Mono<AgingFigures> total = scope.bind(db.sql("select " + SUMS + " " + scope.itemFigures("f")))
                    .map((row, meta) -> figures(row)).one();
            Mono<Long> accounts = scope.bind(db.sql("select count(*) as n "
                            + scope.everyAccount("report_customer_figures", "f") + " and f.outstanding <> 0"))
                    .map((row, meta) -> row.get("n", Long.class)).one();
            Mono<java.util.List<CustomerAging>> lines = limit <= 0 ? Mono.just(java.util.List.of())
                    : scope.bind(db.sql("select c.account, c.name, f.not_due, f.d1_30, f.d31_60, f.d61_90, f.over90,"
                                    + " f.credits " + scope.largest("f")
                                    + " order by f.outstanding desc, f.customer_id limit :limit"))
                            .bind("limit", limit)
                            .map((row, meta) -> new CustomerAging(row.get("account", String.class),
                                    row.get("name", String.class), figures(row)))
                            .all().collectList();
            return figures.fresh(staff.tenantId())
                    .then(Mono.zip(total, accounts, lines))
                    .map(t -> new AgingBalance(f.currency(), t.getT1(), t.getT2(), t.getT3()));
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
