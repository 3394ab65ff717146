package org.opendso.ui;

import com.vaadin.flow.component.Component;
import org.opendso.security.Staff;

/**
 * A card a capability puts on the finance dashboard (the cash forecast's chart), without the dashboard knowing the
 * capability: a bean implementing this is asked for a new component each time the dashboard opens.
 */
public interface DashboardCard {

    /** A new component for one dashboard; it follows its own live data between attach and detach. */
    Component create(Staff staff);

    /** Top to bottom, left to right, lowest first. */
    default int order() {
        return 0;
    }
}
