package org.opendso.agenda.ui;

import java.util.List;
import java.util.function.Consumer;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.EmailActions;
import org.opendso.agenda.EmailDraft;
import org.opendso.agenda.EmailSent;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.ui.QualificationDialogs;
import org.opendso.security.Staff;
import org.opendso.template.Templates;
import org.opendso.ui.Toasts;
import org.springframework.stereotype.Component;

/**
 * Opens the email composer of an action with what it needs, and after sending the qualification of the account's
 * overdue items (the 3-step dialog of the customer sheet), so a view only needs this one bean. Call on a Vaadin
 * request thread.
 */
@Component
class EmailComposers {

    private final EmailActions emails;
    private final Templates templates;
    private final Agenda agenda;
    private final Customers customers;
    private final OpenItems items;
    private final QualificationDialogs qualifications;

    EmailComposers(EmailActions emails, Templates templates, Agenda agenda, Customers customers, OpenItems items,
                   QualificationDialogs qualifications) {
        this.emails = emails;
        this.templates = templates;
        this.agenda = agenda;
        this.customers = customers;
        this.items = items;
        this.qualifications = qualifications;
    }

    /** The composer of this action, open; null (and an error shown) when it cannot be drafted. */
    EmailComposer open(Staff staff, long actionId, Consumer<EmailSent> onSent) {
        EmailDraft draft;
        try {
            draft = emails.draft(staff, actionId).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.error(EmailComposer.describe(e));
            return null;
        }
        long customerId = draft.action().customerId();
        EmailComposer composer = new EmailComposer(emails, templates, staff, draft, agenda.today(), onSent,
                () -> qualify(staff, customerId));
        composer.open();
        return composer;
    }

    /** The qualification dialog for the account's overdue items (all its open items if none is overdue). */
    void qualify(Staff staff, long customerId) {
        Customer customer = customers.find(staff, customerId).block(); // allowed-blocking: Vaadin request thread
        List<OpenItem> open = items.ofCustomer(staff.tenantId(), customerId, ItemFilter.OPEN).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        if (customer == null || open == null || open.isEmpty()) {
            return;
        }
        List<OpenItem> overdue = open.stream().filter(i -> i.dueDate().isBefore(agenda.today())).toList();
        qualifications.qualify(staff, customer, overdue.isEmpty() ? open : overdue, result -> { }, changed -> { });
    }
}
