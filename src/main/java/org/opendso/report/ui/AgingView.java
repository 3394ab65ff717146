package org.opendso.report.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.opendso.report.AgingBalance;
import org.opendso.report.AgingFigures;
import org.opendso.report.AgingReport;
import org.opendso.report.CustomerAging;
import org.opendso.report.ReportFilter;
import org.opendso.report.web.ReportCsv;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import reactor.core.publisher.Mono;

/** The aging balance: what is owed by age, in total (figures, chart) and per account (the largest first). */
@Route("reports/aging")
@Menu(title = "menu.report.aging", order = 31, icon = "vaadin:hourglass")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class AgingView extends ReportPage<AgingBalance> {

    /** Accounts listed on the page (the CSV holds them all). */
    static final int LINES = 500;

    private final AgingReport aging;
    final Grid<CustomerAging> grid = new Grid<>();

    AgingView(ReportPageServices services, AgingReport aging) {
        super(services, "report.aging.title", "aging.csv");
        this.aging = aging;
        addClassName("aging-report");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(false);
        grid.setHeight("480px");
        grid.addComponentColumn(c -> accountLink(c.account(), c.name())).setHeader(getTranslation("report.col.account"))
                .setKey("account").setWidth("18em").setFlexGrow(0);
        amount("notDue", AgingFigures::notDue);
        amount("d1_30", AgingFigures::d1_30);
        amount("d31_60", AgingFigures::d31_60);
        amount("d61_90", AgingFigures::d61_90);
        amount("over90", AgingFigures::over90);
        amount("credits", AgingFigures::credits);
        amount("balance", AgingFigures::balance);
        grid.addColumn(c -> percent(c.figures().overduePercent())).setHeader(getTranslation("report.aging.overdue-percent"))
                .setKey("overduePercent").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("report.none"));
        add(grid);
    }

    private void amount(String key, Function<AgingFigures, BigDecimal> value) {
        grid.addColumn(c -> money(value.apply(c.figures()), shown().currency()))
                .setHeader(getTranslation("report.aging." + key)).setKey(key).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }

    @Override
    Mono<AgingBalance> read(ReportFilter filter) {
        return aging.of(staff, filter, LINES);
    }

    @Override
    String csv(AgingBalance report) {
        return ReportCsv.aging(report);
    }

    /** The CSV holds every account, not only the page's. */
    @Override
    Mono<AgingBalance> readAll(ReportFilter filter) {
        return aging.of(staff, filter, 1_000_000);
    }

    @Override
    void show(AgingBalance a) {
        AgingFigures t = a.total();
        figures(new Figure(getTranslation("report.aging.balance"), money(t.balance(), a.currency())).tone("primary"),
                new Figure(getTranslation("report.aging.overdue"), money(t.overdue(), a.currency())).tone("error"),
                new Figure(getTranslation("report.aging.overdue-percent"), percent(t.overduePercent())).tone("warning"),
                new Figure(getTranslation("report.aging.credits"), money(t.credits(), a.currency())),
                new Figure(getTranslation("report.aging.accounts"), String.valueOf(a.accounts())));
        List<String> buckets = List.of("notDue", "d1_30", "d31_60", "d61_90", "over90", "credits");
        chart.setOption(Chart.categories(buckets.stream().map(b -> getTranslation("report.aging." + b)).toList(),
                List.of(Chart.Series.bars(getTranslation("report.aging.amount", a.currency()),
                        List.of(t.notDue(), t.d1_30(), t.d31_60(), t.d61_90(), t.over90(), t.credits())))));
        grid.setItems(a.customers());
    }
}
