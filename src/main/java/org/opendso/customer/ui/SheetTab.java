package org.opendso.customer.ui;

import com.vaadin.flow.component.Component;
import org.opendso.customer.Customer;
import org.opendso.security.Staff;

/**
 * A tab a capability adds to the customer sheet (the portal's links and submissions), without the sheet knowing
 * the capability: a bean implementing this is asked for a new component each time a sheet is shown.
 */
public interface SheetTab {

    /** The translation key of the tab's label. */
    String labelKey();

    /** A new component for one sheet; it may follow the account's live events between attach and detach. */
    Component create(Staff staff, Customer customer);

    /** Left to right after the sheet's own tabs, lowest first. */
    default int order() {
        return 0;
    }
}
