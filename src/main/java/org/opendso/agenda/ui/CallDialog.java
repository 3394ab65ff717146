package org.opendso.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import org.opendso.agenda.CallActions;
import org.opendso.agenda.CallLogged;
import org.opendso.agenda.CallOutcome;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.PlannedAction;
import org.opendso.customer.Contact;
import org.opendso.customer.Customer;
import org.opendso.item.OpenItem;
import org.opendso.qualification.ui.QualificationDialogs;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/**
 * A call action carried out: whom to call (the account's contacts and numbers, the collection contact first), what
 * came of it and notes; saved, it offers the three-step qualification of the account's overdue items, and opens it
 * at once after a promise to pay or a dispute, which the items must now carry.
 */
class CallDialog extends Dialog {

    private final CallActions calls;
    private final QualificationDialogs qualifications;
    private final Staff staff;
    private final PlannedAction action;
    private final Customer customer;
    private final List<OpenItem> items;
    private final Runnable onDone;
    private final LocalDate today;

    final VerticalLayout numbers = new VerticalLayout();
    final RadioButtonGroup<CallOutcome> outcome = new RadioButtonGroup<>();
    final TextArea notes = new TextArea();
    final Button save = new Button();
    final Paragraph result = new Paragraph();
    final Button qualify = new Button();
    CallLogged logged;

    CallDialog(CallActions calls, QualificationDialogs qualifications, Staff staff, PlannedAction action,
               Customer customer, List<Contact> contacts, List<OpenItem> items, LocalDate today, Runnable onDone) {
        this.calls = calls;
        this.qualifications = qualifications;
        this.staff = staff;
        this.action = action;
        this.customer = customer;
        this.items = items;
        this.onDone = onDone;
        this.today = today;
        setHeaderTitle(getTranslation("call.title", action.customerName()));
        setWidth("min(640px, 95vw)");
        addClassName("call-dialog");

        numbers.setPadding(false);
        numbers.setSpacing(false);
        contacts.stream().filter(c -> present(c.phone()) || present(c.email())).forEach(c -> numbers.add(line(c)));
        if (present(customer.phone())) {
            numbers.add(line(getTranslation("call.account-phone"), customer.phone(), customer.email()));
        }
        if (numbers.getComponentCount() == 0) {
            numbers.add(new Span(getTranslation("call.contacts.none")));
        }

        outcome.setLabel(getTranslation("call.outcome"));
        outcome.setItems(CallOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("call.outcome." + o.name()));
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        outcome.setRequiredIndicatorVisible(true);
        notes.setLabel(getTranslation("call.notes"));
        notes.setWidthFull();
        notes.setMaxLength(CallActions.MAX_NOTES);
        notes.setMinHeight("6em");
        save.setText(getTranslation("call.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        save.setEnabled(action.isWaiting());
        qualify.setText(getTranslation("call.qualify"));
        qualify.addClickListener(e -> qualify());
        qualify.setVisible(false);
        result.setVisible(false);

        add(new H4(getTranslation("call.contacts")), numbers, outcome, notes, result);
        getFooter().add(new Button(getTranslation("call.close"), e -> close()), qualify, save);
    }

    private Div line(Contact c) {
        String who = c.name() + (present(c.role()) ? " (" + c.role() + ")" : "")
                + (c.collectionContact() ? " · " + getTranslation("call.collection-contact") : "");
        return line(who, c.phone(), c.email());
    }

    private Div line(String who, String phone, String email) {
        Div line = new Div(new Span(who));
        line.addClassName("call-number");
        if (present(phone)) {
            line.add(new Span(" · "), new Anchor("tel:" + phone.replaceAll("[^+0-9]", ""), phone.strip()));
        }
        if (present(email)) {
            line.add(new Span(" · "), new Anchor("mailto:" + email.strip(), email.strip()));
        }
        return line;
    }

    void save() {
        outcome.setInvalid(false);
        notes.setInvalid(false);
        if (outcome.getValue() == null) {
            outcome.setErrorMessage(getTranslation("call.outcome.required"));
            outcome.setInvalid(true);
            return;
        }
        try {
            logged = calls.log(staff, action.id(), action.version(), outcome.getValue().name(), notes.getValue())
                    .block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            if (Exceptions.unwrap(e) instanceof InvalidAction i && "notes".equals(i.field())) {
                notes.setErrorMessage(i.getMessage());
                notes.setInvalid(true);
            } else if (Exceptions.unwrap(e) instanceof InvalidAction i && "outcome".equals(i.field())) {
                outcome.setErrorMessage(i.getMessage());
                outcome.setInvalid(true);
            } else {
                ActionProblems.show(this, e);
            }
            return;
        }
        String label = getTranslation("call.outcome." + logged.outcome().name());
        result.setText(logged.retried()
                ? getTranslation("call.logged.retry", label, logged.attempt(), CallActions.ATTEMPTS,
                        Money.date(logged.retryOn(), getLocale()))
                : getTranslation("call.logged.done", label));
        result.setVisible(true);
        Toasts.success(result.getText());
        outcome.setReadOnly(true);
        notes.setReadOnly(true);
        save.setVisible(false);
        qualify.setVisible(true);
        qualify.setEnabled(!toQualify().isEmpty());
        if (toQualify().isEmpty()) {
            qualify.setTooltipText(getTranslation("call.qualify.none"));
        }
        onDone.run();
        if (logged.outcome().qualifies() && !toQualify().isEmpty()) {
            qualify();
        }
    }

    /** The items the call was about: the overdue ones, else every open one. */
    List<OpenItem> toQualify() {
        List<OpenItem> overdue = items.stream().filter(i -> i.openAmount().signum() > 0 && i.daysOverdue(today) > 0)
                .toList();
        return overdue.isEmpty() ? items : overdue;
    }

    void qualify() {
        try {
            qualifications.qualify(staff, customer, toQualify(), saved -> onDone.run(), changed -> { });
        } catch (RuntimeException e) {
            ActionProblems.show(this, e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
