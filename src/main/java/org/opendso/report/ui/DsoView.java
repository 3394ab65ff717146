package org.opendso.report.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opendso.report.CustomerDso;
import org.opendso.report.DsoMonth;
import org.opendso.report.DsoReport;
import org.opendso.report.DsoTrend;
import org.opendso.report.ReportFilter;
import org.opendso.report.web.ReportCsv;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import reactor.core.publisher.Mono;

/**
 * DSO: countback and simple DSO, best possible DSO, average days delinquent and CEI over twelve months (chart and
 * table), and the accounts of largest receivables with their DSO.
 */
@Route("reports/dso")
@Menu(title = "menu.report.dso", order = 32, icon = "vaadin:timer")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class DsoView extends ReportPage<DsoTrend> {

    static final int ACCOUNTS = 100;

    private final DsoReport report;
    final Grid<DsoMonth> months = new Grid<>();
    final Grid<CustomerDso> customers = new Grid<>();

    DsoView(ReportPageServices services, DsoReport report) {
        super(services, "report.dso.title", "dso.csv");
        this.report = report;
        addClassName("dso-report");
        months.addThemeVariants(GridVariant.ROW_STRIPES);
        months.setAllRowsVisible(true);
        months.addColumn(m -> month(m)).setHeader(getTranslation("report.dso.month")).setKey("month").setAutoWidth(true);
        months.addColumn(m -> money(m.receivables(), shown().currency())).setHeader(getTranslation("report.dso.receivables"))
                .setKey("receivables").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> money(m.current(), shown().currency())).setHeader(getTranslation("report.dso.current"))
                .setKey("current").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> money(m.sales(), shown().currency())).setHeader(getTranslation("report.dso.sales"))
                .setKey("sales").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> days(m.countback())).setHeader(getTranslation("report.dso.countback")).setKey("countback")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> days(m.simple())).setHeader(getTranslation("report.dso.simple")).setKey("simple")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> days(m.bestPossible())).setHeader(getTranslation("report.dso.best")).setKey("best")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> days(m.averageDaysDelinquent())).setHeader(getTranslation("report.dso.add")).setKey("add")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        months.addColumn(m -> percent(m.cei())).setHeader(getTranslation("report.dso.cei")).setKey("cei")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);

        customers.addThemeVariants(GridVariant.ROW_STRIPES);
        customers.setHeight("400px");
        customers.addComponentColumn(c -> accountLink(c.account(), c.name())).setHeader(getTranslation("report.col.account"))
                .setKey("account").setFlexGrow(3);
        customers.addColumn(c -> money(c.receivables(), shown().currency())).setHeader(getTranslation("report.dso.receivables"))
                .setKey("receivables").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        customers.addColumn(c -> money(c.monthSales(), shown().currency())).setHeader(getTranslation("report.dso.month-sales"))
                .setKey("sales").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        customers.addColumn(c -> days(c.countback())).setHeader(getTranslation("report.dso.countback")).setKey("countback")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        customers.setEmptyStateText(getTranslation("report.none"));
        add(months, new H3(getTranslation("report.dso.accounts")), customers);
    }

    String month(DsoMonth m) {
        String label = m.month().format(DateTimeFormatter.ofPattern("MMM yyyy", getLocale()));
        return m.partial() ? getTranslation("report.dso.so-far", label) : label;
    }

    @Override
    Mono<DsoTrend> read(ReportFilter filter) {
        return report.of(staff, filter, ACCOUNTS);
    }

    @Override
    String csv(DsoTrend report) {
        return ReportCsv.dso(report);
    }

    @Override
    void show(DsoTrend t) {
        DsoMonth now = t.latest();
        figures(new Figure(getTranslation("report.dso.countback"), days(now.countback())).tone("primary"),
                new Figure(getTranslation("report.dso.simple"), days(now.simple())),
                new Figure(getTranslation("report.dso.best"), days(now.bestPossible())).tone("success"),
                new Figure(getTranslation("report.dso.add"), days(now.averageDaysDelinquent())).tone("error"),
                new Figure(getTranslation("report.dso.cei"), percent(now.cei())).tone("warning"));
        chart.setOption(Chart.categories(t.months().stream().map(this::month).toList(), List.of(
                Chart.Series.line(getTranslation("report.dso.countback"), values(t.months(), DsoMonth::countback)),
                Chart.Series.line(getTranslation("report.dso.simple"), values(t.months(), DsoMonth::simple)),
                Chart.Series.line(getTranslation("report.dso.best"), values(t.months(), DsoMonth::bestPossible)),
                Chart.Series.bars(getTranslation("report.dso.add"), values(t.months(), DsoMonth::averageDaysDelinquent)))));
        months.setItems(t.months().reversed());
        customers.setItems(t.customers());
    }
}
