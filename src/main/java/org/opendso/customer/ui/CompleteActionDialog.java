package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Predicate;
import org.opendso.action.SpecificAction;

/** Completes a specific action with a note saying what was done; the callback says whether to close. */
class CompleteActionDialog extends Dialog {

    final TextArea note = new TextArea();
    final Button confirm = new Button();

    CompleteActionDialog(SpecificAction action, Predicate<String> onComplete) {
        setHeaderTitle(getTranslation("sheet.actions.complete.title"));
        addClassName("complete-action-dialog");
        setWidth("min(32em, 96vw)");
        Paragraph what = new Paragraph(getTranslation("sheet.actions.kind." + action.kind().name()) + " · "
                + String.join(", ", action.items()));
        note.setLabel(getTranslation("sheet.actions.complete.note"));
        note.setWidthFull();
        note.setMaxLength(4000);
        add(what, note);
        confirm.setText(getTranslation("sheet.actions.complete"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        confirm.addClickListener(e -> {
            if (onComplete.test(note.getValue())) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, confirm);
    }
}
