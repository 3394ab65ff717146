package org.opendso.report.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.provider.CallbackDataProvider;
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
import org.opendso.forecast.ForecastFeed;
import org.opendso.report.CreditRisk;
import org.opendso.report.CreditRiskCsv;
import org.opendso.report.CreditRiskLine;
import org.opendso.report.CreditRiskList;
import org.opendso.report.CreditRiskRule;
import org.opendso.report.CreditRiskSummary;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
import org.opendso.scenario.Scenarios;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Chart;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * Credit risk of the accounts the user sees: exposure against credit limits, overdue share, payment behaviour and
 * trend, the grade A–E with its rule written out, and the lists of customers over their limit or worsening.
 * Follows the company's changes live.
 */
@Route("reports/credit-risk")
@Menu(title = "menu.credit-risk", order = 36, icon = "vaadin:scale-unbalance")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class CreditRiskView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CreditRiskView.class);
    static final int CSV_LINES = 100_000;

    private final CreditRisk risk;
    private final ForecastFeed feed;
    private final Staff staff;
    final ReportFilterBar filters;
    final RadioButtonGroup<CreditRiskList> list = new RadioButtonGroup<>();
    final Div figures = new Div();
    final Chart chart = new Chart();
    final Grid<CreditRiskLine> grid = new Grid<>();
    final Anchor download = new Anchor();
    private CreditRiskSummary summary;
    private long total;
    private Disposable live;

    CreditRiskView(CreditRisk risk, ForecastFeed feed, Users users, Scenarios scenarios, ReportCurrencies currencies) {
        this.risk = risk;
        this.feed = feed;
        this.staff = CurrentStaff.require();
        addClassName("credit-risk-view");
        setWidthFull();
        filters = new ReportFilterBar(users.of(staff).collectList().block(), // allowed-blocking: Vaadin request thread
                scenarios.all(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                currencies.of(staff.tenantId()).collectList().block(), // allowed-blocking: Vaadin request thread
                f -> refresh());
        list.setItems(CreditRiskList.values());
        list.setItemLabelGenerator(l -> getTranslation("credit.list." + l.name()));
        list.setValue(CreditRiskList.ALL);
        list.addValueChangeListener(e -> refresh());
        figures.addClassName("figures");
        chart.setHeight("220px");

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setHeight("32em");
        grid.addComponentColumn(l -> new Tag(l.grade(), CreditRiskTexts.tone(l.grade())))
                .setHeader(getTranslation("credit.col.grade")).setKey("grade").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(l -> new Anchor(CashReceiptsView.sheet(l.account()), l.account() + " · " + l.name()))
                .setHeader(getTranslation("credit.col.customer")).setKey("customer").setFlexGrow(3);
        money("exposure", CreditRiskLine::exposure);
        money("limit", CreditRiskLine::creditLimit);
        grid.addColumn(l -> CreditRiskTexts.percent(l.utilisation())).setHeader(getTranslation("credit.col.utilisation"))
                .setKey("utilisation").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> CreditRiskTexts.percent(l.overdueShare())).setHeader(getTranslation("credit.col.overdue"))
                .setKey("overdueShare").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> CreditRiskTexts.days(this, l.daysLate12())).setHeader(getTranslation("credit.col.days12"))
                .setKey("days12").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> CreditRiskTexts.days(this, l.daysLate3())).setHeader(getTranslation("credit.col.days3"))
                .setKey("days3").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> (l.overLimit() ? getTranslation("credit.flag.over-limit") + " " : "")
                        + (l.worsening() ? getTranslation("credit.flag.worsening") : ""))
                .setHeader(getTranslation("credit.col.flags")).setKey("flags");
        grid.addColumn(CreditRiskLine::points).setHeader(getTranslation("credit.col.points")).setKey("points")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(new CallbackDataProvider<>(
                q -> risk.lines(staff, filters.value(), list.getValue(), q.getOffset(), q.getLimit())
                        .collectList().block() // allowed-blocking: Vaadin request thread
                        .stream(),
                q -> (int) Math.min(total, Integer.MAX_VALUE), CreditRiskLine::customerId));

        download.setText(getTranslation("credit.download"));
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = CreditRiskCsv.of(risk.lines(staff, filters.value(), list.getValue(), 0, CSV_LINES)
                            .collectList().block()) // allowed-blocking: Vaadin download request thread
                    .getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "credit-risk.csv", "text/csv", csv.length);
        }), AttachmentType.DOWNLOAD);

        Paragraph rule = new Paragraph(CreditRiskTexts.rule(this));
        rule.addClassName("report-rule");
        add(filters, figures, chart, list, grid, rule, download);
        refresh();
    }

    private void money(String key, java.util.function.Function<CreditRiskLine, BigDecimal> value) {
        grid.addColumn(l -> Money.format(value.apply(l), l.currency(), getLocale()))
                .setHeader(getTranslation("credit.col." + key)).setKey(key).setTextAlign(ColumnTextAlign.END);
    }

    /** Reads the summary and the count again, then lets the grid fetch the rows it shows. */
    void refresh() {
        ReportFilter f = filters.value();
        show(risk.summary(staff, f).block(), // allowed-blocking: Vaadin request thread
                risk.count(staff, f, list.getValue()).block()); // allowed-blocking: Vaadin request thread
    }

    private void show(CreditRiskSummary s, long count) {
        summary = s;
        total = count;
        figures.removeAll();
        figures.add(new Figure(getTranslation("credit.figure.customers"), Long.toString(s.customers())),
                new Figure(getTranslation("credit.figure.exposure"), Money.format(s.exposure(), s.currency(), getLocale())),
                new Figure(getTranslation("credit.figure.over-limit"), Long.toString(s.overLimit())).tone("error"),
                new Figure(getTranslation("credit.figure.worsening"), Long.toString(s.worsening())).tone("warning"));
        chart.setOption(Chart.categories(CreditRiskRule.GRADES,
                List.of(Chart.Series.bars(getTranslation("credit.series.customers"), CreditRiskRule.GRADES.stream()
                        .map(g -> BigDecimal.valueOf(s.byGrade().getOrDefault(g, 0L))).toList()))));
        grid.getDataProvider().refreshAll();
    }

    CreditRiskSummary summary() {
        return summary;
    }

    long total() {
        return total;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (live != null) {
            return;
        }
        UI ui = event.getUI();
        live = feed.changes(staff.tenantId()).subscribe(tick -> {
            try {
                // the read blocks the pushing thread (bounded elastic), under the session lock, once per change burst
                ui.access(this::refresh);
            } catch (UIDetachedException gone) {
                // closed; disposed on detach
            }
        }, e -> log.warn("Live credit risk stopped", e));
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
        return getTranslation("credit.title");
    }
}
