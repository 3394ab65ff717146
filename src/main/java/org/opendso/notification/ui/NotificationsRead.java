package org.opendso.notification.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the user marked notifications read, so that the header's bell counts again. */
public class NotificationsRead extends ComponentEvent<UI> {

    public NotificationsRead(UI source) {
        super(source, false);
    }
}
