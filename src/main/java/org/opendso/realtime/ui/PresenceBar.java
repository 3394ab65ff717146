package org.opendso.realtime.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.realtime.Presence;
import org.opendso.realtime.Viewer;
import org.opendso.security.Staff;

/**
 * The avatars of the other people viewing an account, and what they are doing ("Anna is qualifying 3 items").
 * Joins the account's presence on attach and leaves on detach. (Being implemented: see the presence branch.)
 */
public class PresenceBar extends HorizontalLayout {

    public PresenceBar(Presence presence, Staff staff, long tenantId, long customerId) {
        addClassName("presence-bar");
    }

    /** Called on the UI thread with the other viewers each time they change. */
    public void onViewersChanged(Consumer<List<Viewer>> listener) {
    }

    /** Tells the others which items this user is qualifying; an empty list when the dialog closes. */
    public void qualifying(List<String> itemNumbers) {
    }
}
