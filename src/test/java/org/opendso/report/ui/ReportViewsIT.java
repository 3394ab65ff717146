package org.opendso.report.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.report.ReportFixture.TODAY;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.opendso.item.ItemType;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.report.ReportFixture;
import org.opendso.ui.Figure;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The report pages browserless, for the administrator of a company of its own: what they show, the chart option,
 * the links to the accounts, and the live refresh after a qualification (coalesced: a burst is a few redraws).
 */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class ReportViewsIT extends ViewTestSupport {

    @Autowired ReportFixture fx;
    @Autowired TestTenants tenants;
    @Autowired Qualifications qualifications;
    @Autowired DatabaseClient db;

    TestTenants.Other other;
    long customer;

    @BeforeEach
    void book() {
        other = tenants.create("rv-" + System.nanoTime());
        fx.empty(other.tenantId());
        customer = fx.customer(other.tenantId(), "RV-1", other.collector().userId(), "COLLECTOR");
        fx.invoice(other.tenantId(), customer, "RV-A", TODAY.minusDays(50), TODAY.minusDays(20), "300");
        fx.invoice(other.tenantId(), customer, "RV-B", TODAY.minusDays(50), TODAY.minusDays(45), "100");
    }

    void awaitUi(Callable<Boolean> condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.call();
        });
    }

    long version(String number) {
        return db.sql("select version from open_item where tenant_id = :t and number = :n")
                .bind("t", other.tenantId()).bind("n", number).map((r, m) -> r.get("version", Long.class)).one().block();
    }

    void qualify(long account, String number, String comment) {
        qualifications.qualify(other.admin(), account, new Qualification(
                List.of(new Qualification.ItemRef(ItemType.INVOICE, number, version(number))), "PRICE_DISPUTE", null,
                comment, null, null)).block();
    }

    @Test
    void theItemsStatusPageFollowsAQualificationLiveAndABurstIsAFewRedraws() {
        login(other.admin().login());
        ItemsStatusView view = navigate(ItemsStatusView.class);
        assertThat(view.shown().qualification().rate()).isEqualByComparingTo("0.0");
        assertThat(view.figures.getChildren().map(c -> ((Figure) c).value()).toList()).contains("0.00 %");
        int before = view.redraws();

        qualify(customer, "RV-A", "Price to be checked with sales");
        awaitUi(() -> view.shown().qualification().rate().compareTo(new java.math.BigDecimal("75.0")) == 0);
        assertThat(view.redraws()).isGreaterThan(before);
        assertThat(view.chart.option().path("series").size()).isEqualTo(2);
        assertThat(view.trend.option().path("series").get(0).path("data").get(0).decimalValue())
                .isEqualByComparingTo("75.0");

        // 20 accounts qualified in a row: at most one redraw per half second, not twenty
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long c = fx.customer(other.tenantId(), "RV-BURST-" + i, null, null);
            fx.invoice(other.tenantId(), c, "RVB-" + i, TODAY.minusDays(50), TODAY.minusDays(20), "10");
            accounts.add(c);
        }
        int beforeBurst = view.redraws();
        long started = System.nanoTime();
        for (int i = 0; i < accounts.size(); i++) {
            qualify(accounts.get(i), "RVB-" + i, "burst");
        }
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        awaitUi(() -> view.shown().qualification().qualifiedItems() == 21);
        assertThat(view.redraws() - beforeBurst).isLessThanOrEqualTo(2 + (int) (burstMillis / 500));
    }

    @Test
    void theAgingPageListsTheAccountsWithLinksToTheirSheetAndDrawsTheBuckets() {
        login(other.collector().login());
        AgingView view = navigate(AgingView.class);
        assertThat(view.shown().total().d1_30()).isEqualByComparingTo("300");
        assertThat(view.shown().total().d31_60()).isEqualByComparingTo("100");
        assertThat(view.chart.option().path("series").get(0).path("data").get(1).decimalValue())
                .isEqualByComparingTo("300");
        assertThat(view.chart.option().path("xAxis").path("data").get(0).asString()).isEqualTo("Not due");
        assertThat(ReportPage.sheet("RV-1")).isEqualTo("customers/RV-1");
        assertThat(view.grid.getGenericDataView().getItems().map(c -> c.account()).toList()).containsExactly("RV-1");
        assertThat(view.download.getHref()).isNotBlank();
    }

    @Test
    void theDashboardShowsItsFiguresThenEveryCardAndFollowsChangesLive() {
        login(other.admin().login());
        FinanceDashboardView view = navigate(FinanceDashboardView.class);
        assertThat(view.shown().balance()).isEqualByComparingTo("400");
        assertThat(view.shown().overduePercent()).isEqualByComparingTo("100.0");
        // this test's card beside the application's own (the cash forecast's)
        assertThat(view.shownCards).filteredOn(Span.class::isInstance).singleElement().satisfies(card ->
                assertThat(((Span) card).getText()).isEqualTo("Card for " + other.admin().login()));
        assertThat(view.shownCards).anySatisfy(card ->
                assertThat(card.getClass().getName()).startsWith("org.opendso.forecast.ui.ForecastCard"));
        assertThat(view.cards.getChildren().count()).isEqualTo(view.shownCards.size());

        qualify(customer, "RV-B", "Disputed delivery");
        awaitUi(() -> view.shown().qualificationRate().compareTo(new java.math.BigDecimal("25.0")) == 0);
    }

    @Test
    void theDisputePageListsTheOpenDisputesLive() {
        login(other.admin().login());
        DisputesView view = navigate(DisputesView.class);
        assertThat(view.shown().lines()).isEmpty();
        qualify(customer, "RV-A", "Wrong price");
        awaitUi(() -> view.shown().lines().size() == 1);
        assertThat(view.shown().lines().getFirst().account()).isEqualTo("RV-1");
        assertThat(view.shown().amount()).isEqualByComparingTo("300");
    }

    @Test
    void theDsoPageShowsTwelveMonths() {
        login(other.admin().login());
        DsoView view = navigate(DsoView.class);
        assertThat(view.shown().months()).hasSize(12);
        assertThat(view.chart.option().path("xAxis").path("data").size()).isEqualTo(12);
    }
}
