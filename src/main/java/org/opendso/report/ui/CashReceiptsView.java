package org.opendso.report.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.opendso.forecast.ForecastFeed;
import org.opendso.forecast.Forecasts;
import org.opendso.report.CashReceipts;
import org.opendso.report.CashReceiptsCsv;
import org.opendso.report.CashReceiptsPeriod;
import org.opendso.report.CashReceiptsReport;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
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
import reactor.core.publisher.Mono;

/**
 * Money received per day, week or month, on time vs late, and the customers it came from, for the accounts the
 * user sees. It follows the company's changes live (an import recording payments shows without reload).
 */
@Route("reports/cash-receipts")
@Menu(title = "menu.cash-receipts", order = 35, icon = "vaadin:money-deposit")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class CashReceiptsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CashReceiptsView.class);

    private final CashReceipts receipts;
    private final ForecastFeed feed;
    private final Staff staff;
    final ReportFilterBar filters;
    final RadioButtonGroup<CashReceiptsPeriod> period = new RadioButtonGroup<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Div figures = new Div();
    final Chart chart = new Chart();
    final Grid<CashReceiptsReport.Customer> grid = new Grid<>();
    final Anchor download = new Anchor();
    final Anchor downloadCustomers = new Anchor();
    private volatile Request request;
    private CashReceiptsReport shown;
    private Disposable live;

    /** What the page shows now; read again on live changes from another thread, hence one immutable value. */
    private record Request(ReportFilter filter, CashReceiptsPeriod period, LocalDate from, LocalDate to) {
    }

    CashReceiptsView(CashReceipts receipts, ForecastFeed feed, Forecasts forecasts, Users users, Scenarios scenarios,
                     ReportCurrencies currencies) {
        this.receipts = receipts;
        this.feed = feed;
        this.staff = CurrentStaff.require();
        addClassName("cash-receipts-view");
        setWidthFull();
        filters = new ReportFilterBar(users.of(staff).collectList().block(), // allowed-blocking: Vaadin request thread
                scenarios.all(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                currencies.of(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                f -> load());

        LocalDate today = forecasts.today();
        period.setItems(CashReceiptsPeriod.values());
        period.setItemLabelGenerator(p -> getTranslation("receipts.period." + p.name()));
        period.setValue(CashReceiptsPeriod.WEEK);
        from.setLabel(getTranslation("receipts.from"));
        to.setLabel(getTranslation("receipts.to"));
        to.setValue(today);
        from.setValue(CashReceiptsPeriod.WEEK.defaultFrom(today));
        period.addValueChangeListener(e -> {
            from.setValue(e.getValue().defaultFrom(to.getValue() == null ? today : to.getValue()));
            load();
        });
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load();
            }
        });
        to.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load();
            }
        });
        HorizontalLayout span = new HorizontalLayout(period, from, to);
        span.setAlignItems(FlexComponent.Alignment.BASELINE);
        figures.addClassName("figures");

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(c -> new Anchor(sheet(c.account()), c.account()))
                .setHeader(getTranslation("receipts.col.account")).setKey("account").setAutoWidth(true);
        grid.addColumn(CashReceiptsReport.Customer::name).setHeader(getTranslation("receipts.col.name")).setKey("name")
                .setFlexGrow(2);
        money(grid, "onTime", CashReceiptsReport.Customer::onTime);
        money(grid, "late", CashReceiptsReport.Customer::late);
        money(grid, "total", CashReceiptsReport.Customer::total);
        grid.addColumn(c -> c.averageDaysLate() == null ? "" : Money.number(c.averageDaysLate(), getLocale()))
                .setHeader(getTranslation("receipts.col.days-late")).setKey("daysLate")
                .setTextAlign(ColumnTextAlign.END);

        download.setText(getTranslation("receipts.download"));
        download.setHref(csv("cash-receipts.csv", CashReceiptsCsv::periods), AttachmentType.DOWNLOAD);
        downloadCustomers.setText(getTranslation("receipts.download.customers"));
        downloadCustomers.setHref(csv("cash-receipts-customers.csv", CashReceiptsCsv::customers),
                AttachmentType.DOWNLOAD);

        add(filters, span, figures, chart, grid, new HorizontalLayout(download, downloadCustomers));
        load();
    }

    private void money(Grid<CashReceiptsReport.Customer> g, String key,
                       Function<CashReceiptsReport.Customer, BigDecimal> value) {
        g.addColumn(c -> Money.format(value.apply(c), shown == null ? null : shown.currency(), getLocale()))
                .setHeader(getTranslation("receipts.col." + key)).setKey(key).setTextAlign(ColumnTextAlign.END);
    }

    private DownloadHandler csv(String name, Function<CashReceiptsReport, String> content) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = shown == null ? new byte[0] : content.apply(shown).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, "text/csv", bytes.length);
        });
    }

    /** Reads the report for the bar's filter and the span chosen (an impossible span shows nothing). */
    void load() {
        if (from.getValue() == null || to.getValue() == null || period.getValue() == null) {
            return;
        }
        Request r = new Request(filters.value(), period.getValue(), from.getValue(), to.getValue());
        String invalid = CashReceipts.invalidSpan(r.period(), r.from(), r.to());
        from.setInvalid(invalid != null);
        from.setErrorMessage(invalid == null ? null : getTranslation("receipts.span.invalid"));
        if (invalid != null) {
            return;
        }
        request = r;
        show(read(r).block()); // allowed-blocking: Vaadin request thread
    }

    private Mono<CashReceiptsReport> read(Request r) {
        return receipts.of(staff, r.filter(), r.period(), r.from(), r.to());
    }

    void show(CashReceiptsReport r) {
        shown = r;
        figures.removeAll();
        figures.add(new Figure(getTranslation("receipts.figure.total"), Money.format(r.total(), r.currency(), getLocale())),
                new Figure(getTranslation("receipts.figure.on-time"), Money.format(r.onTime(), r.currency(), getLocale()))
                        .tone("success"),
                new Figure(getTranslation("receipts.figure.late"), Money.format(r.late(), r.currency(), getLocale()))
                        .tone("warning"),
                new Figure(getTranslation("receipts.figure.share"), r.onTimeShare() == null ? "–"
                        : Money.number(r.onTimeShare(), getLocale()) + " %"),
                new Figure(getTranslation("receipts.figure.customers"), Long.toString(r.customerCount())));
        DateTimeFormatter label = DateTimeFormatter.ofPattern(r.period() == CashReceiptsPeriod.MONTH ? "MMM yyyy"
                : "d MMM", getLocale());
        chart.setOption(Chart.categories(r.periods().stream().map(p -> label.format(p.start())).toList(),
                List.of(Chart.Series.stacked(getTranslation("receipts.series.on-time"), "money",
                                r.periods().stream().map(CashReceiptsReport.Period::onTime).toList()),
                        Chart.Series.stacked(getTranslation("receipts.series.late"), "money",
                                r.periods().stream().map(CashReceiptsReport.Period::late).toList()))));
        grid.setItems(r.customers());
    }

    CashReceiptsReport shown() {
        return shown;
    }

    static String sheet(String account) {
        return "customers/" + java.net.URLEncoder.encode(account, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (live != null) {
            return;
        }
        UI ui = event.getUI();
        live = feed.changes(staff.tenantId())
                .onBackpressureLatest()
                .concatMap(tick -> request == null ? Mono.empty() : read(request).onErrorResume(e -> {
                    log.warn("Live cash receipts could not be read", e);
                    return Mono.empty();
                }), 1)
                .subscribe(r -> {
                    try {
                        ui.access(() -> show(r));
                    } catch (UIDetachedException gone) {
                        // closed; disposed on detach
                    }
                }, e -> log.warn("Live cash receipts stopped", e));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("receipts.title");
    }
}
