package org.opendso.report.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.opendso.report.ItemsStatus;
import org.opendso.report.ItemsStatusReport;
import org.opendso.report.ReportFilter;
import org.opendso.report.StatusLine;
import org.opendso.report.web.ReportCsv;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import reactor.core.publisher.Mono;

/**
 * The items status report: outstanding and overdue by status category (chart) and status (table), the qualification
 * rate and its weekly trend.
 */
@Route("reports/items-status")
@Menu(title = "menu.report.items-status", order = 30, icon = "vaadin:pie-bar-chart")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class ItemsStatusView extends ReportPage<ItemsStatus> {

    private final ItemsStatusReport report;
    final Chart trend = new Chart();
    final Grid<StatusLine> grid = new Grid<>();

    ItemsStatusView(ReportPageServices services, ItemsStatusReport report) {
        super(services, "report.status.title", "items-status.csv");
        this.report = report;
        addClassName("items-status-report");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> category(l.category())).setHeader(getTranslation("report.col.category")).setKey("category")
                .setAutoWidth(true);
        grid.addColumn(l -> l.code() == null ? getTranslation("report.status.none") : l.label(french()))
                .setHeader(getTranslation("report.col.status")).setKey("status").setFlexGrow(2);
        grid.addColumn(l -> money(l.outstanding(), shown().currency())).setHeader(getTranslation("report.status.outstanding"))
                .setKey("outstanding").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> money(l.overdue(), shown().currency())).setHeader(getTranslation("report.status.overdue"))
                .setKey("overdue").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(StatusLine::items).setHeader(getTranslation("report.col.items")).setKey("items")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(StatusLine::overdueItems).setHeader(getTranslation("report.status.overdue-items"))
                .setKey("overdueItems").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("report.none"));
        trend.addClassName("qualification-trend");
        add(new H3(getTranslation("report.status.trend")), trend, grid);
    }

    String category(String category) {
        return category == null ? getTranslation("report.status.none") : getTranslation("report.category." + category);
    }

    @Override
    Mono<ItemsStatus> read(ReportFilter filter) {
        return report.of(staff, filter);
    }

    @Override
    String csv(ItemsStatus report) {
        return ReportCsv.itemsStatus(report);
    }

    @Override
    void show(ItemsStatus s) {
        java.math.BigDecimal outstanding = s.categories().stream().map(StatusLine::outstanding)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        figures(new Figure(getTranslation("report.status.outstanding"), money(outstanding, s.currency())).tone("primary"),
                new Figure(getTranslation("report.status.overdue"), money(s.qualification().overdue(), s.currency()))
                        .tone("error"),
                new Figure(getTranslation("report.status.rate"), percent(s.qualification().rate())).tone("success"),
                new Figure(getTranslation("report.status.count-rate"), percent(s.qualification().countRate())));
        chart.setOption(Chart.categories(s.categories().stream().map(l -> category(l.category())).toList(), List.of(
                Chart.Series.bars(getTranslation("report.status.outstanding"), values(s.categories(), StatusLine::outstanding)),
                Chart.Series.bars(getTranslation("report.status.overdue"), values(s.categories(), StatusLine::overdue)))));
        trend.setOption(Chart.categories(s.trend().stream().map(p -> Money.date(p.day(), getLocale())).toList(), List.of(
                Chart.Series.line(getTranslation("report.status.rate"), values(s.trend(), p -> p.qualification().rate())),
                Chart.Series.line(getTranslation("report.status.count-rate"),
                        values(s.trend(), p -> p.qualification().countRate())))));
        grid.setItems(s.statuses());
    }
}
