package org.opendso.report.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.opendso.report.DisputeAge;
import org.opendso.report.DisputeLine;
import org.opendso.report.DisputeReport;
import org.opendso.report.Disputes;
import org.opendso.report.ReportFilter;
import org.opendso.report.web.ReportCsv;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import reactor.core.publisher.Mono;

/**
 * Open disputes by age (chart), by account, status and resolver (table; each line opens the account), with the
 * average time the completed dispute follow-ups took.
 */
@Route("reports/disputes")
@Menu(title = "menu.report.disputes", order = 33, icon = "vaadin:scale-unbalance")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class DisputesView extends ReportPage<Disputes> {

    private final DisputeReport report;
    final Grid<DisputeLine> grid = new Grid<>();

    DisputesView(ReportPageServices services, DisputeReport report) {
        super(services, "report.disputes.title", "disputes.csv");
        this.report = report;
        addClassName("disputes-report");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setHeight("480px");
        grid.addComponentColumn(l -> accountLink(l.account(), l.name())).setHeader(getTranslation("report.col.account"))
                .setKey("account").setFlexGrow(3);
        grid.addColumn(l -> l.label(french())).setHeader(getTranslation("report.col.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.amount(), shown().currency())).setHeader(getTranslation("report.disputes.amount"))
                .setKey("amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(DisputeLine::items).setHeader(getTranslation("report.col.items")).setKey("items")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> l.since() == null ? "" : Money.date(l.since(), getLocale()))
                .setHeader(getTranslation("report.disputes.since")).setKey("since").setAutoWidth(true);
        grid.addColumn(DisputeLine::ageDays).setHeader(getTranslation("report.disputes.age")).setKey("age")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> l.resolvers() == null ? getTranslation("report.disputes.no-resolver") : l.resolvers())
                .setHeader(getTranslation("report.disputes.resolver")).setKey("resolver").setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("report.disputes.none"));
        add(grid);
    }

    @Override
    Mono<Disputes> read(ReportFilter filter) {
        return report.of(staff, filter);
    }

    @Override
    Mono<Disputes> readAll(ReportFilter filter) {
        return report.of(staff, filter, 1_000_000);
    }

    @Override
    String csv(Disputes report) {
        return ReportCsv.disputes(report);
    }

    @Override
    void show(Disputes d) {
        figures(new Figure(getTranslation("report.disputes.amount"), money(d.amount(), d.currency())).tone("error"),
                new Figure(getTranslation("report.disputes.items"), String.valueOf(d.items())),
                new Figure(getTranslation("report.disputes.resolution"), days(d.averageResolutionDays())).tone("primary"),
                new Figure(getTranslation("report.disputes.resolved"), String.valueOf(d.resolved())).tone("success"));
        chart.setOption(Chart.categories(d.ages().stream().map(a -> getTranslation("report.disputes.age." + a.bucket()))
                .toList(), List.of(Chart.Series.bars(getTranslation("report.disputes.amount"),
                values(d.ages(), DisputeAge::amount)))));
        grid.setItems(d.lines());
    }
}
