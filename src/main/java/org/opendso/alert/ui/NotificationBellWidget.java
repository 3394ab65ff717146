package org.opendso.alert.ui;

import com.vaadin.flow.component.Component;
import org.opendso.alert.Alerts;
import org.opendso.notification.NotificationTexts;
import org.opendso.notification.Notifications;
import org.opendso.realtime.EventStreams;
import org.opendso.security.CurrentStaff;
import org.opendso.ui.HeaderWidget;

/** Puts the {@link NotificationBell} in the header of every page. */
@org.springframework.stereotype.Component
class NotificationBellWidget implements HeaderWidget {

    private final Alerts alerts;
    private final EventStreams streams;
    private final Notifications notifications;
    private final NotificationTexts texts;

    NotificationBellWidget(Alerts alerts, EventStreams streams, Notifications notifications, NotificationTexts texts) {
        this.alerts = alerts;
        this.streams = streams;
        this.notifications = notifications;
        this.texts = texts;
    }

    @Override
    public Component create() {
        return new NotificationBell(alerts, streams, CurrentStaff.require(), notifications, texts);
    }
}
