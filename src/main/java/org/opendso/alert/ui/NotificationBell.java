package org.opendso.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.opendso.alert.AlertQuery;
import org.opendso.alert.AlertState;
import org.opendso.alert.Alerts;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import org.opendso.notification.NotificationTexts;
import org.opendso.notification.Notifications;
import org.opendso.notification.UserNotification;
import org.opendso.notification.ui.NotificationsRead;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventType;
import reactor.core.publisher.Mono;
import org.opendso.realtime.EventStreams;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The bell in the header: the number of open alerts of the accounts the user sees plus the user's own unread
 * notifications (a dispute on an account they manage, an action given to them), kept live (every alert raised or
 * cleared in the company, and every event that may notify someone, makes it count again, a burst counting once),
 * and a way to the notifications list. A notification for this user that arrives live also shows as a toast.
 */
public class NotificationBell extends Button {

    private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);

    private final Alerts alerts;
    private final EventStreams streams;
    private final Staff staff;
    private final Notifications notifications;
    private final NotificationTexts texts;
    final Span count = new Span();
    private long open;
    private long unread;
    /** The id of the last notification of this user already seen by the bell: newer ones are toasted. */
    private long lastNotification;
    private Disposable live;
    private com.vaadin.flow.shared.Registration readListener;

    NotificationBell(Alerts alerts, EventStreams streams, Staff staff, Notifications notifications,
                     NotificationTexts texts) {
        this.alerts = alerts;
        this.streams = streams;
        this.staff = staff;
        this.notifications = notifications;
        this.texts = texts;
        addThemeVariants(ButtonVariant.TERTIARY);
        addClassName("notification-bell");
        count.addClassName("notification-count");
        setIcon(new Icon(VaadinIcon.BELL));
        getElement().appendChild(count.getElement());
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        lastNotification = notifications.latestId(staff).block(); // allowed-blocking: Vaadin request thread
        show(counts().block()); // allowed-blocking: Vaadin request thread
    }

    /** Open alerts and unread notifications, counted together. */
    private Mono<long[]> counts() {
        return Mono.zip(alerts.count(staff, AlertQuery.of(AlertState.OPEN)), notifications.count(staff, true))
                .map(t -> new long[] {t.getT1(), t.getT2()});
    }

    private void show(long[] n) {
        open = n[0];
        unread = n[1];
        long total = n[0] + n[1];
        count.setText(total == 0 ? "" : total > 99 ? "99+" : String.valueOf(total));
        count.setVisible(total > 0);
        String label = getTranslation("alerts.bell.label", total);
        setAriaLabel(label);
        setTooltipText(label);
    }

    /** The open alerts counted. */
    public long open() {
        return open;
    }

    /** The number the bell shows ("99+" above 99, "" for none). */
    public String shown() {
        return count.getText();
    }

    /** The user's unread notifications counted. */
    public long unread() {
        return unread;
    }

    /** Toasts the user's notifications that arrived since the last ones seen (at most three, then a summary). */
    private void toast(List<UserNotification> fresh) {
        for (UserNotification n : fresh) {
            lastNotification = Math.max(lastNotification, n.id());
        }
        fresh.stream().limit(3).forEach(n -> {
            Notification toast = Notification.show(texts.text(n, getLocale()), 8000, Notification.Position.TOP_END);
            toast.addClassName("user-notification-toast");
            toast.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        });
        if (fresh.size() > 3) {
            Notification.show(getTranslation("notifications.toast.more", fresh.size() - 3), 8000,
                    Notification.Position.TOP_END);
        }
    }

    /** What one live signal brings: the new notifications of this user, then the counts. */
    private record Update(List<UserNotification> fresh, long[] counts) {
    }

    private Mono<Update> update() {
        return notifications.since(staff, lastNotification).collectList()
                .zipWith(counts(), Update::new);
    }

    private static boolean notifies(AccountEvent e) {
        return AlertBadges.isAlert(e.type()) || e.type() == EventType.ITEMS_QUALIFIED
                || e.type() == EventType.ACTION_CREATED || e.type() == EventType.ACTION_REASSIGNED;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        // the notifications list marking some read tells the bell of its page
        readListener = ComponentUtil.addListener(ui, NotificationsRead.class,
                e -> show(counts().block())); // allowed-blocking: Vaadin request thread
        long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = streams.tenant(staff.tenantId(), head, NotificationBell::notifies)
                .onBackpressureLatest()
                .concatMap(e -> update(), 1)
                .subscribe(u -> {
                    try {
                        ui.access(() -> {
                            List<UserNotification> fresh = u.fresh().stream()
                                    .filter(n -> n.id() > lastNotification).toList();
                            if (!fresh.isEmpty()) {
                                toast(fresh);
                            }
                            show(u.counts());
                        });
                    } catch (UIDetachedException gone) {
                        // the tab was closed; disposed on detach
                    }
                }, error -> log.warn("Live notification count stopped", error));
        // what was raised between the first count and the subscription
        counts().subscribe(n -> {
            try {
                ui.access(() -> show(n));
            } catch (UIDetachedException gone) {
                // closed
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        if (readListener != null) {
            readListener.remove();
            readListener = null;
        }
        super.onDetach(detachEvent);
    }
}
