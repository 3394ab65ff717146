package org.opendso.forecast.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opendso.forecast.Accuracy;
import org.opendso.forecast.Bucket;
import org.opendso.forecast.Forecast;
import org.opendso.forecast.ForecastCsv;
import org.opendso.forecast.ForecastFeed;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
import org.opendso.report.ui.ReportFilterBar;
import org.opendso.scenario.Scenarios;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The cash forecast: what the accounts the user sees (narrowed by the filter bar) are expected to pay in the next
 * 13 weeks or 6 months, what of it is at risk, and how the past weeks' forecasts compared with what came in. It
 * follows the company's changes live: a qualification, promise, import or payment shows within a second.
 */
@Route("forecast")
@Menu(title = "menu.forecast", order = 34, icon = "vaadin:chart")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class ForecastView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ForecastView.class);

    enum Period { WEEKS, MONTHS }

    private final ForecastFeed feed;
    private final Staff staff;
    final ReportFilterBar filters;
    final Div figures = new Div();
    final RadioButtonGroup<Period> period = new RadioButtonGroup<>();
    final Chart chart = new Chart();
    final Chart accuracyChart = new Chart();
    final Grid<Bucket> grid = new Grid<>();
    final Anchor download = new Anchor();
    private ReportFilter filter;
    private Forecast shown;
    private Disposable live;

    ForecastView(ForecastFeed feed, Users users, Scenarios scenarios, ReportCurrencies currencies) {
        this.feed = feed;
        this.staff = CurrentStaff.require();
        addClassName("forecast-view");
        setWidthFull();
        filters = new ReportFilterBar(users.of(staff).collectList().block(), // allowed-blocking: Vaadin request thread
                scenarios.all(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                currencies.of(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                this::filterChanged);
        filter = filters.value();

        figures.addClassName("figures");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("forecast.period." + p.name()));
        period.setValue(Period.WEEKS);
        period.addValueChangeListener(e -> draw());

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(b -> period.getValue() == Period.WEEKS ? ForecastCharts.weekLabel(this, b)
                        : ForecastCharts.monthLabel(this, b))
                .setHeader(getTranslation("forecast.col.period")).setKey("period");
        grid.addColumn(b -> money(b.expected())).setHeader(getTranslation("forecast.col.expected")).setKey("expected")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(b -> money(b.atRisk())).setHeader(getTranslation("forecast.col.at-risk")).setKey("atRisk")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);

        download.setText(getTranslation("forecast.download"));
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = shown == null ? new byte[0] : ForecastCsv.of(shown).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "forecast.csv", "text/csv", csv.length);
        }), AttachmentType.DOWNLOAD);

        Paragraph rule = new Paragraph(getTranslation("forecast.rule"));
        rule.addClassName("report-rule");
        add(filters, figures, period, chart, grid, new H3(getTranslation("forecast.accuracy.title")), accuracyChart,
                rule, download);
    }

    private void filterChanged(ReportFilter newFilter) {
        filter = newFilter;
        getUI().ifPresent(this::follow);
    }

    /** Draws a forecast (the feed hands the same one to every page of the same view). */
    void show(Forecast f) {
        shown = f;
        BigDecimal weeks = f.weeks().stream().map(Bucket::expected).reduce(BigDecimal.ZERO, BigDecimal::add);
        Accuracy last = f.accuracy().isEmpty() ? null : f.accuracy().getLast();
        figures.removeAll();
        figures.add(new Figure(getTranslation("forecast.figure.this-week"), money(f.weeks().getFirst().expected())),
                new Figure(getTranslation("forecast.figure.weeks"), money(weeks)),
                new Figure(getTranslation("forecast.figure.at-risk"), money(f.atRiskTotal())).tone("warning"),
                new Figure(getTranslation("forecast.figure.last-week"), last == null ? "" : getTranslation(
                        "forecast.figure.last-week.value", last.forecast() == null ? "–" : money(last.forecast()),
                        money(last.received()))));
        draw();
        accuracyChart.setOption(ForecastCharts.accuracy(this, f));
    }

    private void draw() {
        if (shown == null) {
            return;
        }
        List<Bucket> buckets = period.getValue() == Period.WEEKS ? shown.weeks() : shown.months();
        chart.setOption(ForecastCharts.buckets(this, buckets, period.getValue() == Period.WEEKS));
        grid.setItems(buckets);
    }

    Forecast shown() {
        return shown;
    }

    private String money(BigDecimal amount) {
        return Money.format(amount, shown == null ? null : shown.currency(), getLocale());
    }

    private void follow(UI ui) {
        stop();
        live = feed.follow(staff, filter).subscribe(f -> {
            try {
                ui.access(() -> show(f));
            } catch (UIDetachedException gone) {
                // closed; disposed on detach
            }
        }, e -> log.warn("The live forecast stopped", e));
    }

    private void stop() {
        if (live != null) {
            live.dispose();
            live = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        follow(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop();
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forecast.title");
    }
}
