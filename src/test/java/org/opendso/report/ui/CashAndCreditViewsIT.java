package org.opendso.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.Customers;
import org.opendso.customer.ui.CustomerSheetView;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.report.CashReceiptsPeriod;
import org.opendso.report.CashReceiptsReport;
import org.opendso.report.CreditRiskList;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/** The cash receipts and credit risk pages and the customer sheet's Credit tab, browserless, on the demo company. */
@IntegrationTest
class CashAndCreditViewsIT extends ViewTestSupport {

    @Autowired
    Customers customers;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;
    @Autowired
    EventLog events;
    @Autowired
    TestTenants tenants;
    @Autowired
    org.opendso.forecast.Forecasts forecasts;

    @Test
    void theCashReceiptsPageShowsFiguresAChartAndCustomersAndSwitchesPeriods() {
        login("admin");
        UI.getCurrent().navigate(CashReceiptsView.class);
        roundTrip();
        CashReceiptsView view = (CashReceiptsView) getCurrentView();
        assertThat(view.shown()).isNotNull();
        assertThat(view.shown().period()).isEqualTo(CashReceiptsPeriod.WEEK);
        assertThat(view.figures.getChildren().count()).isEqualTo(5);
        assertThat(view.chart.option().path("xAxis").path("data").size()).isEqualTo(view.shown().periods().size());
        test(view.period).selectItem("Months");
        assertThat(view.shown().period()).isEqualTo(CashReceiptsPeriod.MONTH);
        assertThat(view.shown().periods()).hasSize(12);
    }

    @Test
    void thePageFollowsAPaymentRecordedByAnImportWithoutReload() {
        login("admin");
        UI.getCurrent().navigate(CashReceiptsView.class);
        roundTrip();
        CashReceiptsView view = (CashReceiptsView) getCurrentView();
        CashReceiptsReport before = view.shown();
        var admin = tenants.demo("admin");
        long customer = customers.find(admin, "DEMO-020").block().id();
        // what an import does when an item disappears from the file: the item closes, a receipt, an event
        long item = db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency, closed_at)
                        values (:t, :c, 'INVOICE', 'LIVE-RECEIPT-1', current_date - 30, current_date - 3, 777, 0, 'EUR',
                                now()) returning id""")
                .bind("t", admin.tenantId()).bind("c", customer).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                values (:t, :c, :i, 777, current_date, current_date - 3)""")
                .bind("t", admin.tenantId()).bind("c", customer).bind("i", item).then().block();
        events.append(Actor.system("Nightly import"), admin.tenantId(), customer, EventType.ITEMS_IMPORTED,
                java.util.Map.of("closed", 1)).block();
        awaitUi(() -> view.shown() != before
                && view.shown().late().subtract(before.late()).compareTo(new BigDecimal("777")) == 0);
        assertThat(view.shown().customers()).extracting(CashReceiptsReport.Customer::account).contains("DEMO-020");
    }

    @Test
    void theCreditRiskPageListsGradesAndNarrowsToCustomersOverLimit() {
        login("admin");
        customers.setCreditLimit(tenants.demo("admin"), "DEMO-010", new BigDecimal("1")).block();
        forecasts.refresh(tenants.demo("admin").tenantId()).block();
        UI.getCurrent().navigate(CreditRiskView.class);
        roundTrip();
        CreditRiskView view = (CreditRiskView) getCurrentView();
        assertThat(view.summary().customers()).isPositive();
        assertThat(view.chart.option().path("xAxis").path("data").size()).isEqualTo(5);
        test(view.list).selectItem("Over their limit");
        assertThat(view.total()).isPositive();
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo((int) view.total());
        assertThat(grid.getRow(0).overLimit()).isTrue();
        assertThat(view.list.getValue()).isEqualTo(CreditRiskList.OVER_LIMIT);
    }

    @Test
    void aCollectorSetsALimitOnTheCreditTabAndSeesTheUtilisation() {
        login("collector");
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", "DEMO-016"));
        roundTrip();
        TabSheet tabs = $(TabSheet.class).first();
        test(tabs).select("Credit");
        roundTrip();
        CreditRiskTab.Panel panel = $(CreditRiskTab.Panel.class).first();
        assertThat(panel.limit.isVisible()).isTrue();
        BigDecimal balance = customers.find(tenants.demo("collector"), "DEMO-016").block().balance();
        test(panel.limit).setValue(balance.multiply(BigDecimal.valueOf(2)));
        test(panel.save).click();
        assertThat(notifications()).contains("Credit limit saved");
        assertThat(customers.find(tenants.demo("collector"), "DEMO-016").block().creditLimit())
                .isEqualByComparingTo(balance.multiply(BigDecimal.valueOf(2)));
        assertThat(panel.line().utilisation()).isEqualByComparingTo("50.0");

        // someone else removes it: the tab follows the account
        customers.setCreditLimit(tenants.demo("admin"), "DEMO-016", null).block();
        awaitUi(() -> panel.limit.getValue() == null);
        assertThat(panel.line() == null || panel.line().utilisation() == null).isTrue();
    }

    @Test
    void aSalesManagerSeesTheCreditTabWithoutTheEditor() {
        login("sales");
        String account = customers.search(tenants.demo("sales"),
                new org.opendso.customer.CustomerQuery(null, null, null, false,
                        org.opendso.customer.CustomerQuery.Sort.ACCOUNT, false, 0, 1)).blockFirst().account();
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", account));
        roundTrip();
        test($(TabSheet.class).first()).select("Credit");
        roundTrip();
        CreditRiskTab.Panel panel = $(CreditRiskTab.Panel.class).first();
        assertThat(panel.limit.getParent().orElseThrow().isVisible()).isFalse();
    }

    private void awaitUi(BooleanSupplier condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.getAsBoolean();
        });
    }
}
