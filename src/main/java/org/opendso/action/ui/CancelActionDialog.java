package org.opendso.action.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.opendso.action.ActionCompletions;
import org.opendso.action.SpecificAction;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/** Cancels an open action with a reason; its items go back to the scenario. */
public class CancelActionDialog extends Dialog {

    private final ActionCompletions completions;
    private final Staff staff;
    private final SpecificAction action;
    private final Runnable onChanged;

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    CancelActionDialog(ActionCompletions completions, Staff staff, SpecificAction action, Runnable onChanged) {
        this.completions = completions;
        this.staff = staff;
        this.action = action;
        this.onChanged = onChanged;
        setHeaderTitle(getTranslation("actions.cancel.title"));
        setWidth("min(32em, 96vw)");
        add(new Paragraph(getTranslation("sheet.actions.kind." + action.kind().name()) + " · "
                + String.join(", ", action.items())), new Paragraph(getTranslation("actions.cancel.hint")));
        reason.setLabel(getTranslation("actions.cancel.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        reason.setMaxLength(4000);
        add(reason);
        confirm.setText(getTranslation("actions.cancel.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickListener(e -> cancelAction());
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, confirm);
    }

    void cancelAction() {
        if (reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("actions.cancel.reason-required"));
            return;
        }
        try {
            completions.cancel(staff, action.id(), reason.getValue(), action.version())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("actions.cancelled"));
            close();
            onChanged.run();
        } catch (RuntimeException e) {
            ActionProblem.show(e);
        }
    }
}
