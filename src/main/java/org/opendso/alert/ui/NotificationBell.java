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
import org.opendso.realtime.EventStreams;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The bell in the header: the number of open alerts of the accounts the user sees, kept live (every alert raised
 * or cleared in the company makes it count again, a burst counting once), and a way to the notifications list.
 */
public class NotificationBell extends Button {

    private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);

    private final Alerts alerts;
    private final EventStreams streams;
    private final Staff staff;
    final Span count = new Span();
    private long open;
    private Disposable live;

    NotificationBell(Alerts alerts, EventStreams streams, Staff staff) {
        this.alerts = alerts;
        this.streams = streams;
        this.staff = staff;
        addThemeVariants(ButtonVariant.TERTIARY);
        addClassName("notification-bell");
        count.addClassName("notification-count");
        setIcon(new Icon(VaadinIcon.BELL));
        getElement().appendChild(count.getElement());
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        show(alerts.count(staff, AlertQuery.of(AlertState.OPEN)).block()); // allowed-blocking: Vaadin request thread
    }

    private void show(long n) {
        open = n;
        count.setText(n == 0 ? "" : n > 99 ? "99+" : String.valueOf(n));
        count.setVisible(n > 0);
        String label = getTranslation("alerts.bell.label", n);
        setAriaLabel(label);
        setTooltipText(label);
    }

    /** The number shown. */
    public long open() {
        return open;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = streams.tenant(staff.tenantId(), head, e -> AlertBadges.isAlert(e.type()))
                .onBackpressureLatest()
                .concatMap(e -> alerts.count(staff, AlertQuery.of(AlertState.OPEN)), 1)
                .subscribe(n -> {
                    try {
                        ui.access(() -> show(n));
                    } catch (UIDetachedException gone) {
                        // the tab was closed; disposed on detach
                    }
                }, error -> log.warn("Live notification count stopped", error));
        // what was raised between the first count and the subscription
        alerts.count(staff, AlertQuery.of(AlertState.OPEN)).subscribe(n -> {
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
        super.onDetach(detachEvent);
    }
}
