package org.opendso.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a capability puts in the header of every page (the alerts' bell), without the layout knowing the
 * capability: a bean implementing this is asked for a new component for each layout, in {@link #order()}.
 */
public interface HeaderWidget {

    /** A new component for one page (one UI); it may follow live data between attach and detach. */
    Component create();

    /** Left to right, lowest first. */
    default int order() {
        return 0;
    }
}
