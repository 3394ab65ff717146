package org.opendso.portal.ui;

import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.ui.SheetTab;
import org.opendso.item.OpenItems;
import org.opendso.portal.Documents;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.Submissions;
import org.opendso.realtime.EventStreams;
import org.opendso.security.Staff;
import org.opendso.status.Statuses;

/** Adds the "Portal" tab to the customer sheet: links, the customers' messages to decide on, documents. */
@org.springframework.stereotype.Component
class PortalSheetTab implements SheetTab {

    private final PortalLinks links;
    private final Submissions submissions;
    private final Documents documents;
    private final Contacts contacts;
    private final OpenItems items;
    private final Statuses statuses;
    private final EventStreams streams;

    PortalSheetTab(PortalLinks links, Submissions submissions, Documents documents, Contacts contacts, OpenItems items,
                   Statuses statuses, EventStreams streams) {
        this.links = links;
        this.submissions = submissions;
        this.documents = documents;
        this.contacts = contacts;
        this.items = items;
        this.statuses = statuses;
        this.streams = streams;
    }

    @Override
    public String labelKey() {
        return "portal.tab";
    }

    @Override
    public com.vaadin.flow.component.Component create(Staff staff, Customer customer) {
        return new PortalPanel(links, submissions, documents, contacts, items, statuses, streams, staff, customer);
    }

    @Override
    public int order() {
        return 10;
    }
}
