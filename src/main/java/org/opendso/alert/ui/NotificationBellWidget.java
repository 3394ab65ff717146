package org.opendso.alert.ui;

import com.vaadin.flow.component.Component;
import org.opendso.alert.Alerts;
import org.opendso.realtime.EventStreams;
import org.opendso.security.CurrentStaff;
import org.opendso.ui.HeaderWidget;

/** Puts the {@link NotificationBell} in the header of every page. */
@org.springframework.stereotype.Component
class NotificationBellWidget implements HeaderWidget {

    private final Alerts alerts;
    private final EventStreams streams;

    NotificationBellWidget(Alerts alerts, EventStreams streams) {
        this.alerts = alerts;
        this.streams = streams;
    }

    @Override
    public Component create() {
        return new NotificationBell(alerts, streams, CurrentStaff.require());
    }
}
