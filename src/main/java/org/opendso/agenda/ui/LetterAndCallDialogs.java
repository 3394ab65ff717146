package org.opendso.agenda.ui;

import java.util.List;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.CallActions;
import org.opendso.agenda.LetterActions;
import org.opendso.agenda.PlannedAction;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.ui.QualificationDialogs;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens the letter and call dialogs of an agenda row with what they need, so that the agenda view needs this one
 * bean for both. Call on a Vaadin request thread.
 */
@Component
class LetterAndCallDialogs {

    private final Agenda agenda;
    private final LetterActions letters;
    private final CallActions calls;
    private final Customers customers;
    private final Contacts contacts;
    private final OpenItems items;
    private final QualificationDialogs qualifications;

    LetterAndCallDialogs(Agenda agenda, LetterActions letters, CallActions calls, Customers customers,
                         Contacts contacts, OpenItems items, QualificationDialogs qualifications) {
        this.agenda = agenda;
        this.letters = letters;
        this.calls = calls;
        this.customers = customers;
        this.contacts = contacts;
        this.items = items;
        this.qualifications = qualifications;
    }

    /** The dialog for this action's kind (a letter or a call), opened; null for other kinds. */
    Object open(Staff staff, PlannedAction action, Runnable onDone) {
        return switch (action.kind()) {
            case "LETTER" -> letter(staff, action, onDone);
            case "CALL" -> call(staff, action, onDone);
            default -> null;
        };
    }

    LetterDialog letter(Staff staff, PlannedAction action, Runnable onDone) {
        LetterDialog dialog = new LetterDialog(letters, staff, action, onDone);
        dialog.open();
        return dialog;
    }

    CallDialog call(Staff staff, PlannedAction action, Runnable onDone) {
        try {
            var context = Mono.zip(customers.find(staff, action.customerId()),
                            contacts.of(staff, action.customerId()).collectList(),
                            items.ofCustomer(staff.tenantId(), action.customerId(), ItemFilter.OPEN).collectList())
                    .block(); // allowed-blocking: Vaadin request thread
            if (context == null) {
                throw new org.opendso.agenda.UnknownAction(action.id());
            }
            Customer customer = context.getT1();
            List<Contact> people = context.getT2();
            List<OpenItem> open = context.getT3();
            CallDialog dialog = new CallDialog(calls, qualifications, staff, action, customer, people, open,
                    agenda.today(), onDone);
            dialog.open();
            return dialog;
        } catch (RuntimeException e) {
            Toasts.error(Toasts.describe(e));
            return null;
        }
    }
}
