package org.opendso.report;

import org.opendso.alert.AlertQuery;
import org.opendso.alert.AlertState;
import org.opendso.alert.Alerts;
import org.opendso.security.Staff;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The dashboard's figures, from the same reports as their pages (so the two never disagree). */
@Service
public class FinanceDashboard {

    private final AgingReport aging;
    private final ItemsStatusReport status;
    private final DsoReport dso;
    private final Alerts alerts;
    private final ReportCurrencies currencies;

    FinanceDashboard(AgingReport aging, ItemsStatusReport status, DsoReport dso, Alerts alerts,
                     ReportCurrencies currencies) {
        this.aging = aging;
        this.status = status;
        this.dso = dso;
        this.alerts = alerts;
        this.currencies = currencies;
    }

    public Mono<DashboardFigures> of(Staff staff, ReportFilter filter) {
        return currencies.withCurrency(staff.tenantId(), filter).flatMap(f -> Mono.zip(aging.of(staff, f, 0),
                        status.of(staff, f), dso.of(staff, f, 0),
                        alerts.count(staff, new AlertQuery(AlertState.OPEN, f.customer(), 0, 1)))
                .map(t -> new DashboardFigures(f.currency(), t.getT1().total().balance(), t.getT1().total().overdue(),
                        t.getT1().total().overduePercent(), t.getT3().latest().countback(),
                        t.getT2().qualification().rate(), t.getT4())));
    }
}
