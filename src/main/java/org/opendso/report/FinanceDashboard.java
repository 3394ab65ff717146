package org.opendso.report;

import java.math.BigDecimal;
import org.opendso.alert.AlertQuery;
import org.opendso.alert.AlertState;
import org.opendso.alert.Alerts;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dashboard's figures, by the reports' own formulas and from the same pre-aggregates, but reading only what
 * the figures need: one read of the item figures (balance, overdue, qualification), the sales of the last twelve
 * months (the countback DSO of today) and the count of open alerts.
 */
@Service
public class FinanceDashboard {

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final ReportScopes scopes;
    private final DsoReport dso;
    private final Alerts alerts;

    FinanceDashboard(DatabaseClient db, ReportFigures figures, ReportScopes scopes, DsoReport dso, Alerts alerts) {
        this.db = db;
        this.figures = figures;
        this.scopes = scopes;
        this.dso = dso;
        this.alerts = alerts;
    }

    private record Sums(AgingFigures aging, BigDecimal receivables, Qualification qualification) {
    }

    public Mono<DashboardFigures> of(Staff staff, ReportFilter filter) {
        var today = figures.today();
        return scopes.of(staff, filter).flatMap(scope -> {
            Mono<Sums> sums = scope.bind(db.sql("select " + AgingReport.SUMS
                            + ", coalesce(sum(f.outstanding), 0) as outstanding"
                            + ", coalesce(sum(f.commented_overdue) filter (where f.status_id <> 0), 0) as qualified"
                            + ", coalesce(sum(f.overdue_items), 0) as overdue_items"
                            + ", coalesce(sum(f.commented_overdue_items) filter (where f.status_id <> 0), 0) as qualified_items "
                            + scope.itemFigures("f")))
                    .map((row, meta) -> {
                        AgingFigures aging = AgingReport.figures(row);
                        return new Sums(aging, AgingReport.money(row, "outstanding"), new Qualification(aging.overdue(),
                                AgingReport.money(row, "qualified"), ItemsStatusReport.number(row, "overdue_items"),
                                ItemsStatusReport.number(row, "qualified_items")));
                    })
                    .one();
            var sales = dso.sales(scope, today.withDayOfMonth(1).minusMonths(DsoReport.POINTS));
            Mono<Long> open = alerts.count(staff, new AlertQuery(AlertState.OPEN, scope.filter().customer(), 0, 1));
            return figures.fresh(staff.tenantId()).then(Mono.zip(sums, sales, open))
                    .map(t -> new DashboardFigures(scope.currency(), t.getT1().aging().balance(),
                            t.getT1().aging().overdue(), t.getT1().aging().overduePercent(),
                            DsoReport.countbackToday(today, t.getT1().receivables(), t.getT2()),
                            t.getT1().qualification().rate(), t.getT3()));
        });
    }
}
