package org.opendso.report.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.opendso.realtime.EventType;
import org.opendso.report.ReportFilter;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.UiLocale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The frame of a report page: the filter bar on top, the key figures, a chart, the report's table and a CSV
 * download; the page draws again when the filter changes and, live, after the company's changes that move the
 * figures (qualifications, imports, actions, alerts): at most once per {@link #COALESCE}, however many events a
 * burst brings (an import of 10,000 lines is one refresh).
 */
abstract class ReportPage<T> extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ReportPage.class);

    /** The events after which a report may read differently. */
    static final Set<EventType> CHANGES = Set.of(EventType.ITEMS_QUALIFIED, EventType.ITEMS_IMPORTED,
            EventType.STATUS_REPLACED, EventType.COMMENT_ADDED, EventType.ACTION_CREATED, EventType.ACTION_COMPLETED,
            EventType.ACTION_CANCELLED, EventType.CUSTOMER_COMMENT_VALIDATED, EventType.ALERT_RAISED,
            EventType.ALERT_CLEARED);

    /** The most a live page redraws: once per half second. */
    static final Duration COALESCE = Duration.ofMillis(500);

    protected final Staff staff;
    private final ReportPageServices services;
    private final String titleKey;
    final ReportFilterBar filters;
    final Div figures = new Div();
    final Chart chart = new Chart();
    final Anchor download = new Anchor();
    private volatile ReportFilter filter;
    private T shown;
    private Disposable live;
    private final AtomicInteger redraws = new AtomicInteger();

    ReportPage(ReportPageServices services, String titleKey, String fileName) {
        this.services = services;
        this.titleKey = titleKey;
        this.staff = CurrentStaff.require();
        addClassName("report-page");
        setWidthFull();
        List<org.opendso.user.StaffUser> colleagues = services.users.of(staff).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        List<org.opendso.scenario.Scenario> scenarios = services.scenarios.all(staff.tenantId()).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        List<String> currencies = services.currencies.of(staff.tenantId()).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        filters = new ReportFilterBar(colleagues, scenarios, currencies, f -> {
            filter = f;
            refresh();
        });
        filter = filters.value();
        figures.addClassName("figures");
        download.setText(getTranslation("report.download"));
        download.addClassName("report-download");
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csv(readAll(filter).block()).getBytes(StandardCharsets.UTF_8); // allowed-blocking: download request thread
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv;charset=UTF-8", csv.length);
        }), AttachmentType.DOWNLOAD);
        H2 title = new H2(getTranslation(titleKey));
        title.addClassName("report-title");
        HorizontalLayout head = new HorizontalLayout(title, download);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(head, filters, figures, chart);
    }

    /** The report for that filter. */
    abstract Mono<T> read(ReportFilter filter);

    /** The report the CSV download holds: the page's, unless the page shows only part of it. */
    Mono<T> readAll(ReportFilter filter) {
        return read(filter);
    }

    /** Shows a report: figures, chart and table. */
    abstract void show(T report);

    /** The report's table as CSV (the same as the API's). */
    abstract String csv(T report);

    /** Reads and shows the report for the filter of the bar. */
    void refresh() {
        display(read(filter).block()); // allowed-blocking: Vaadin request thread
    }

    private void display(T report) {
        shown = report;
        redraws.incrementAndGet();
        show(report);
    }

    /** The report last shown (browserless tests). */
    T shown() {
        return shown;
    }

    /** How many times the page drew its report since it opened. */
    int redraws() {
        return redraws.get();
    }

    ReportFilter filter() {
        return filter;
    }

    // --- helpers for the pages ---------------------------------------------------------------------------------

    boolean french() {
        return UiLocale.FRENCH.getLanguage().equals(getLocale().getLanguage());
    }

    String money(BigDecimal amount, String currency) {
        return Money.format(amount, currency, getLocale());
    }

    String percent(BigDecimal value) {
        return value == null ? "–" : Money.number(value, getLocale()) + " %";
    }

    String days(BigDecimal value) {
        return value == null ? "–" : getTranslation("report.days", Money.number(value, getLocale()));
    }

    void figures(Figure... shown) {
        figures.removeAll();
        figures.add(shown);
    }

    /** The customer sheet's address (by route, not by class: the customer views do not depend on reports). */
    static String sheet(String account) {
        return "customers/" + java.net.URLEncoder.encode(account, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Component accountLink(String account, String name) {
        return new Anchor(sheet(account), name == null ? account : account + " · " + name);
    }

    static <R> List<BigDecimal> values(List<R> rows, Function<R, BigDecimal> value) {
        return rows.stream().map(value).toList();
    }

    Locale locale() {
        return getLocale();
    }

    // --- live --------------------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (shown == null) {
            refresh();
        }
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long head = services.streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = services.streams.tenant(staff.tenantId(), head, e -> CHANGES.contains(e.type()))
                .sample(COALESCE)
                .onBackpressureLatest()
                // read first, then lock the UI only to draw: a slow report never holds up the user's other views
                .concatMap(e -> read(filter), 1)
                .subscribe(report -> {
                    try {
                        ui.access(() -> display(report));
                    } catch (UIDetachedException gone) {
                        // the tab was closed; disposed on detach
                    }
                }, error -> log.warn("Live report {} stopped", getClass().getSimpleName(), error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
