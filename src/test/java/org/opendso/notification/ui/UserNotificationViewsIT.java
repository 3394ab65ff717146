package org.opendso.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.alert.AlertFixture.TODAY;

import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.action.ActionFixture;
import org.opendso.alert.AlertFixture;
import org.opendso.alert.ui.NotificationBell;
import org.opendso.alert.ui.NotificationsView;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.notification.EmailPreference;
import org.opendso.notification.Notifications;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A sales manager's notifications in the interface, browserless: the toast and the bell's counter when a dispute
 * arrives on one of their accounts, the list with read and unread, and the "My notifications" settings.
 */
@TestPropertySource(properties = "opendso.notifications.mail-cron=-")
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class UserNotificationViewsIT extends ViewTestSupport {

    @Autowired Qualifications qualifications;
    @Autowired OpenItems openItems;
    @Autowired Notifications notifications;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;

    TestTenants.Other other;
    long customer;
    long unassigned;
    Staff sam;

    @BeforeEach
    void company() {
        String p = "unv" + System.nanoTime();
        other = tenants.create(p);
        customer = fx.customer(other.tenantId(), "UNV-1", other.collector().userId());
        fx.item(other.tenantId(), customer, "UN-1", TODAY.minusDays(40), "500.00");
        fx.item(other.tenantId(), customer, "UN-2", TODAY.minusDays(30), "200.00");
        unassigned = fx.customer(other.tenantId(), "UNV-2", other.collector().userId());
        fx.item(other.tenantId(), unassigned, "UN-3", TODAY.minusDays(40), "500.00");
        sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
    }

    void awaitUi(Callable<Boolean> condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.call();
        });
    }

    void dispute(long account, String number, String status) {
        OpenItem item = openItems.byKeys(other.tenantId(), account, List.of(new OpenItem.Key(ItemType.INVOICE, number)))
                .blockFirst();
        qualifications.qualify(other.collector(), account, new Qualification(
                List.of(new Qualification.ItemRef(item.type(), item.number(), item.version())), status, TODAY,
                "Wrong price on the invoice", null, null)).block();
    }

    @Test
    void aDisputeOnOneOfMyAccountsIsToastedAndCountedAtOnceAndListedUnread() {
        login(sam.login());
        NotificationsView view = navigate(NotificationsView.class);
        NotificationBell bell = $(NotificationBell.class).single();
        UserNotificationsPanel mine = $(UserNotificationsPanel.class).single();
        assertThat(bell.unread()).isZero();

        // a dispute elsewhere, and an ordinary status here, tell Sam nothing
        dispute(unassigned, "UN-3", "PRICE_DISPUTE");
        dispute(customer, "UN-2", "REMINDER_SENT");
        dispute(customer, "UN-1", "PRICE_DISPUTE");
        awaitUi(() -> bell.unread() == 1);
        assertThat(notifications()).contains(
                other.collector().name() + " set UN-1 of UNV-1 · Customer UNV-1 to \"Price dispute\"");
        assertThat(bell.shown()).isEqualTo("1");
        // the list follows too (its refresh gathers the events of 200 ms)
        awaitUi(() -> test(mine.grid).size() == 1);
        assertThat(test(mine.grid).getCellText(0, test(mine.grid).getColumnPosition("detail")))
                .isEqualTo("Wrong price on the invoice");
        assertThat(view.getPageTitle()).isNotBlank();

        test(mine.markAll).click();
        assertThat(notifications.count(sam, true).block()).isZero();
        awaitUi(() -> bell.unread() == 0);
        assertThat(test(mine.grid).size()).as("read ones stay listed").isEqualTo(1);
        test(mine.unreadOnly).click();
        assertThat(test(mine.grid).size()).isZero();
    }

    @Test
    void myNotificationSettingsAreSavedForMeOnly() {
        login(sam.login());
        navigate(NotificationsView.class);
        UserNotificationsPanel mine = $(UserNotificationsPanel.class).single();
        test(mine.settings).click();
        NotificationSettingsDialog dialog = $(NotificationSettingsDialog.class).single();
        assertThat(dialog.email.getValue()).isEqualTo(EmailPreference.IMMEDIATE);
        test(dialog.email).selectItem("Once a day, in one email");
        test(dialog.save).click();
        assertThat(notifications.settings(sam).block().email()).isEqualTo(EmailPreference.DAILY_DIGEST);
        assertThat(notifications.settings(other.collector()).block().email()).isEqualTo(EmailPreference.IMMEDIATE);
        assertThat(notifications()).contains("Notification settings saved.");
    }
}
