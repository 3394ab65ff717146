package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.data.provider.DataChangeEvent;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.CustomerRow;
import org.opendso.customer.Customers;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.CurrentStaff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerListLiveViewIT extends ViewTestSupport {

    @Autowired
    EventLog events;

    @Autowired
    Customers customers;

    @Autowired
    TestTenants tenants;

    @Test
    void anImportRedrawsTheBalancesOfTheRowsShown() {
        login("collector");
        CustomerListView view = navigate(CustomerListView.class);
        roundTrip(); // the grid fetches its first page on the way to the browser
        CustomerRow shown = test(view.grid).getRow(1);
        assertThat(shown.account()).isEqualTo("DEMO-002");
        List<CustomerRow> redrawn = new CopyOnWriteArrayList<>();
        view.grid.getDataProvider().addDataProviderListener(e -> {
            if (e instanceof DataChangeEvent.DataRefreshEvent<?> refresh && refresh.getItem() instanceof CustomerRow row) {
                redrawn.add(row);
            }
        });
        long tenant = CurrentStaff.require().tenantId();
        // DEMO-005 is not the collector's: its figures must not reach their list
        long hidden = customers.find(tenants.demo("admin"), "DEMO-005").block().id();
        events.append(Actor.system("Nightly import"), tenant, hidden, EventType.ITEMS_IMPORTED,
                figures("999.00", "99.00")).block();
        // nor do another company's (its DEMO-001 has the same reference as ours)
        TestTenants.Other other = tenants.create("sheet-list");
        events.append(Actor.system("Nightly import"), other.tenantId(), other.customerId(), EventType.ITEMS_IMPORTED,
                figures("888.00", "88.00")).block();
        events.append(Actor.system("Nightly import"), tenant, shown.id(), EventType.ITEMS_IMPORTED,
                figures("4321.50", "321.50")).block();

        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return !redrawn.isEmpty();
        });
        assertThat(redrawn).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(shown.id());
            assertThat(row.balance()).isEqualByComparingTo("4321.50");
            assertThat(row.overdue()).isEqualByComparingTo("321.50");
            assertThat(row.openItems()).isEqualTo(5);
            assertThat(row.account()).isEqualTo("DEMO-002");
        });
        assertThat(view.fetchedRow(shown.id()).balance()).isEqualByComparingTo("4321.50");
        assertThat(view.fetchedRow(hidden)).isNull();
        assertThat(view.fetchedRow(other.customerId())).isNull();
    }

    private static Map<String, Object> figures(String balance, String overdue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("balance", new BigDecimal(balance));
        p.put("overdue", new BigDecimal(overdue));
        p.put("openItems", 5);
        p.put("oldestOverdue", LocalDate.now().minusDays(20).toString());
        p.put("created", 0);
        p.put("updated", 5);
        p.put("closed", 1);
        return p;
    }
}
