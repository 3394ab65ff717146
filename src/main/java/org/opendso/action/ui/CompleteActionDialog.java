package org.opendso.action.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.opendso.action.ActionCompletions;
import org.opendso.action.ActionKind;
import org.opendso.action.SpecificAction;
import org.opendso.action.UnpaidItems;
import org.opendso.item.OpenItem;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/**
 * Completes a specific action with a note. A dispute follow-up says that its items will be qualified "dispute
 * resolved" (the note is the comment, so it is required); a promise follow-up first shows which items are still
 * unpaid, and then offers "complete anyway" beside keeping it open (decision 0017).
 */
public class CompleteActionDialog extends Dialog {

    private final ActionCompletions completions;
    private final Staff staff;
    private final SpecificAction action;
    private final Runnable onChanged;

    public final TextArea note = new TextArea();
    final Paragraph unpaid = new Paragraph();
    public final Button confirm = new Button();
    final Button keepOpen = new Button();
    private boolean anyway;
    SpecificAction completed;

    CompleteActionDialog(ActionCompletions completions, Staff staff, SpecificAction action, Runnable onChanged) {
        this.completions = completions;
        this.staff = staff;
        this.action = action;
        this.onChanged = onChanged;
        setHeaderTitle(getTranslation("sheet.actions.complete.title"));
        addClassName("complete-action-dialog");
        setWidth("min(32em, 96vw)");
        Paragraph what = new Paragraph(getTranslation("sheet.actions.kind." + action.kind().name()) + " · "
                + action.account() + " · " + String.join(", ", action.items()));
        add(what);
        if (action.kind() == ActionKind.DISPUTE_FOLLOW_UP) {
            add(new Paragraph(getTranslation("actions.complete.dispute-hint")));
            note.setRequiredIndicatorVisible(true);
        }
        unpaid.addClassName("unpaid-items");
        unpaid.setVisible(false);
        add(unpaid);
        note.setLabel(getTranslation("sheet.actions.complete.note"));
        note.setWidthFull();
        note.setMaxLength(4000);
        add(note);
        confirm.setText(getTranslation("sheet.actions.complete"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        confirm.addClickListener(e -> complete());
        keepOpen.setText(getTranslation("actions.complete.keep-open"));
        keepOpen.setVisible(false);
        keepOpen.addClickListener(e -> close());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, keepOpen, confirm);
        if (action.kind() == ActionKind.PROMISE_FOLLOW_UP) {
            showUnpaid(completions.stillOpen(staff, action.id()).block()); // allowed-blocking: Vaadin request thread
        }
    }

    /** The promise's items still open, and the choice it leaves: complete anyway, or keep the action open. */
    private void showUnpaid(List<OpenItem> open) {
        if (open.isEmpty()) {
            unpaid.setText(getTranslation("actions.complete.all-paid"));
            unpaid.setVisible(true);
            return;
        }
        unpaid.setText(getTranslation("actions.complete.unpaid", String.join(", ", open.stream()
                .map(i -> i.number() + " (" + Money.format(i.openAmount(), i.currency(), getLocale()) + ")").toList())));
        unpaid.setVisible(true);
        anyway = true;
        confirm.setText(getTranslation("actions.complete.anyway"));
        keepOpen.setVisible(true);
    }

    void complete() {
        if (action.kind() == ActionKind.DISPUTE_FOLLOW_UP && note.getValue().isBlank()) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation("actions.complete.note-required"));
            return;
        }
        try {
            completed = completions.complete(staff, action.id(),
                            new ActionCompletions.Completion(note.getValue(), action.version(), anyway))
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("actions.completed." + completed.outcome().name()));
            close();
            onChanged.run();
        } catch (RuntimeException e) {
            if (Exceptions.unwrap(e) instanceof UnpaidItems u) {
                // paid or not changed since the dialog opened: show the current answer and let the user choose again
                showUnpaid(u.open());
                return;
            }
            ActionProblem.show(e);
        }
    }
}
