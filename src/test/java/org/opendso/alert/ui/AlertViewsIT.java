package org.opendso.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.alert.AlertFixture.TODAY;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.opendso.alert.AlertRule;
import org.opendso.alert.Alerts;
import org.opendso.alert.RuleSetting;
import org.opendso.customer.ui.CustomerListView;
import org.opendso.customer.ui.CustomerSheetView;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The alerts in the interface, browserless, for a collector of a company of its own (as of the fixed
 * {@link AlertFixture#TODAY}): the bell, the notifications list, the badges of the sheet and the list, the settings.
 */
@IntegrationTest
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class})
class AlertViewsIT extends ViewTestSupport {

    @Autowired Alerts alerts;
    @Autowired AlertFixture fx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;

    @BeforeEach
    void tenant() {
        other = tenants.create("alv-" + System.nanoTime());
    }

    /** An account of the collector, overdue for 30 days with no action: NO_ACTION once evaluated. */
    long idleAccount(String account, Long collector) {
        long c = fx.customer(other.tenantId(), account, collector);
        fx.item(other.tenantId(), c, account + "-1", TODAY.minusDays(30), "500.00");
        return c;
    }

    void raise(long customer) {
        alerts.evaluate(other.tenantId(), List.of(customer)).block();
    }

    /** Waits until the condition holds, running the UI tasks queued by live updates. */
    void awaitUi(Callable<Boolean> condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.call();
        });
    }

    @Test
    void theBellCountsTheOpenAlertsOfTheCollectorsAccountsLive() {
        login(other.collector().login());
        NotificationsView view = navigate(NotificationsView.class);
        NotificationBell bell = $(NotificationBell.class).single();
        assertThat(bell.open()).isZero();
        assertThat(view.total()).isZero();

        // an account the collector does not see raises nothing for them; theirs does
        raise(idleAccount("BELL-2", null));
        long mine = idleAccount("BELL-1", other.collector().userId());
        raise(mine);
        awaitUi(() -> bell.open() == 1 && view.total() == 1);
        assertThat(bell.count.getText()).isEqualTo("1");
        assertThat(view.shown()).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("BELL-1");
            assertThat(a.rule()).isEqualTo(AlertRule.NO_ACTION);
        });
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("details")))
                .contains("no action done since");

        // acknowledged from the list: gone from the bell and from the open ones, shown among the cleared
        view.acknowledge(view.shown().getFirst());
        awaitUi(() -> bell.open() == 0 && view.total() == 0);
        test(view.state).selectItem("Cleared");
        assertThat(view.total()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("state")))
                .contains("Acknowledged by " + other.collector().name());

        // cleared by its condition ending, as well
        long again = idleAccount("BELL-3", other.collector().userId());
        raise(again);
        awaitUi(() -> bell.open() == 1);
        fx.actionDone(other.tenantId(), again, TODAY);
        raise(again);
        awaitUi(() -> bell.open() == 0);
    }

    @Test
    void theSheetHeaderShowsTheAccountsAlertsLive() {
        login(other.collector().login());
        long c = idleAccount("SHEET-1", other.collector().userId());
        CustomerSheetView sheet = navigate("customers/SHEET-1", CustomerSheetView.class);
        AlertBadge badge = descendants(sheet, AlertBadge.class).getFirst();
        assertThat(badge.isVisible()).isFalse();
        raise(c);
        awaitUi(() -> badge.count() == 1);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.reasons()).startsWith("No action — Overdue ").contains("500.00", "no action done since");

        fx.actionDone(other.tenantId(), c, TODAY);
        raise(c);
        awaitUi(() -> badge.count() == 0);
        assertThat(badge.isVisible()).isFalse();
    }

    @Test
    void theCustomerListShowsBadgesReadOncePerPageAndLive() {
        login(other.collector().login());
        long first = idleAccount("LIST-1", other.collector().userId());
        raise(first);
        long second = idleAccount("LIST-2", other.collector().userId());
        CustomerListView list = navigate(CustomerListView.class);
        roundTrip();
        var grid = $(com.vaadin.flow.component.grid.Grid.class).first();
        Component one = test(grid).getCellComponent(0, "alerts");
        Component two = test(grid).getCellComponent(1, "alerts");
        roundTrip();
        assertThat(((AlertBadge) one).count()).isEqualTo(1);
        assertThat(((AlertBadge) one).reasons()).contains("No action");
        assertThat(((AlertBadge) two).count()).isZero();

        raise(second);
        awaitUi(() -> ((AlertBadge) two).count() == 1);
        assertThat(list).isNotNull();
    }

    @Test
    void anAdministratorSwitchesARuleOffAndItsAlertsClear() {
        long c = idleAccount("SET-1", other.collector().userId());
        raise(c);
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> assertThat(a.open()).isTrue());
        login(other.admin().login());
        AlertSettingsView view = navigate(AlertSettingsView.class);
        assertThat(view.days.get(AlertRule.NO_ACTION).getValue()).isEqualTo(15);
        assertThat(view.days.get(AlertRule.OLD_ITEM_WITHOUT_STATUS).getValue()).isEqualTo(183);
        assertThat(view.days.get(AlertRule.MAIL_FAILED).isVisible()).isFalse();
        Checkbox noAction = view.enabled.get(AlertRule.NO_ACTION);
        noAction.setValue(false);
        assertThat(view.days.get(AlertRule.NO_ACTION).isEnabled()).isFalse();
        view.days.get(AlertRule.PROMISE_BROKEN).setValue(5);
        test(view.save).click();
        assertThat(notifications()).contains("Alert rules saved");
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("DISABLED"));
        assertThat(alerts.settings(other.tenantId()).block()).contains(
                new RuleSetting(AlertRule.NO_ACTION, false, 15), new RuleSetting(AlertRule.PROMISE_BROKEN, true, 5));

        // a value out of range is refused and saves nothing
        view.days.get(AlertRule.PROMISE_BROKEN).setValue(400);
        test(view.save).click();
        assertThat(notifications()).anyMatch(n -> n.contains("between 0 and 365"));
        assertThat(alerts.settings(other.tenantId()).block()).contains(new RuleSetting(AlertRule.PROMISE_BROKEN, true, 5));
    }

    @Test
    void aCollectorCannotOpenTheSettings() {
        login(other.collector().login());
        assertThat(navigateForbidden()).isTrue();
    }

    /** Hidden components too (a badge without alerts is hidden, and queries find visible ones only). */
    static <T extends Component> List<T> descendants(Component root, Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        root.getChildren().forEach(child -> {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            found.addAll(descendants(child, type));
        });
        return found;
    }

    private boolean navigateForbidden() {
        try {
            navigate(AlertSettingsView.class);
            return $(AlertSettingsView.class).all().isEmpty();
        } catch (RuntimeException refused) {
            return true;
        }
    }
}
