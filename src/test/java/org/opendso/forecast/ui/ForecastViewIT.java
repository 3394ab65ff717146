package org.opendso.forecast.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.forecast.Bucket;
import org.opendso.forecast.Forecast;
import org.opendso.forecast.Forecasts;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.report.ReportFilter;
import org.opendso.security.Staff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The forecast page and its dashboard card, open in a browserless UI, follow a qualification made elsewhere. */
@IntegrationTest
class ForecastViewIT extends ViewTestSupport {

    @Autowired
    Qualifications qualifications;
    @Autowired
    Customers customers;
    @Autowired
    OpenItems items;
    @Autowired
    TestTenants tenants;
    @Autowired
    Forecasts forecasts;
    @Autowired
    ForecastCard card;

    @Test
    void aPromiseMadeElsewhereMovesTheOpenForecastAndTheCardWithoutReload() {
        login("admin");
        Staff admin = tenants.demo("admin");
        UI.getCurrent().navigate(ForecastView.class);
        roundTrip();
        ForecastView view = (ForecastView) getCurrentView();
        ForecastCard.Card dashboardCard = (ForecastCard.Card) card.create(admin);
        UI.getCurrent().add(dashboardCard);
        awaitUi(() -> view.shown() != null && dashboardCard.shown() != null);
        Forecast before = view.shown();
        assertThat(view.chart.option().path("series").size()).isEqualTo(2);
        assertThat(view.grid.getListDataView().getItemCount()).isEqualTo(13);

        LocalDate today = forecasts.today();
        LocalDate promised = Forecast.weekOf(today).plusWeeks(11).plusDays(2);
        Customer customer = customers.find(admin, "DEMO-007").block();
        OpenItem item = items.ofCustomer(admin.tenantId(), customer.id(), ItemFilter.OPEN).filter(OpenItem::isOpen)
                .filter(i -> i.openAmount().signum() > 0 && i.type() == org.opendso.item.ItemType.INVOICE).blockFirst();
        BigDecimal weekBefore = before.weeks().get(11).expected();
        qualifications.qualify(tenants.demo("collector"), customer.id(), new Qualification(
                List.of(new Qualification.ItemRef(item.type(), item.number(), item.version())),
                "PROMISE_TO_PAY", promised, "Will pay in week 12", null, null)).block();

        awaitUi(() -> view.shown() != before
                && view.shown().weeks().get(11).expected().compareTo(weekBefore.add(item.openAmount())) >= 0);
        Bucket week = view.shown().weeks().get(11);
        assertThat(week.start()).isEqualTo(Forecast.weekOf(promised));
        // what the page shows is what the database holds now
        Forecast fresh = forecasts.read(admin, ReportFilter.ALL, today).block();
        assertThat(view.shown().weeks()).isEqualTo(fresh.weeks());
        // the card on the dashboard moved too, with the very same forecast (one read for both)
        awaitUi(() -> dashboardCard.shown() == view.shown());
        assertThat(dashboardCard.chart.option().path("xAxis").path("data").size()).isEqualTo(13);
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
