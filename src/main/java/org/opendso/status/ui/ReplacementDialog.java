package org.opendso.status.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Predicate;
import org.opendso.status.ItemStatus;

/**
 * Deleting a status that items carry: the administrator picks the status those items move to, so that no item
 * is left without one. The delete callback says whether the dialog may close.
 */
class ReplacementDialog extends Dialog {

    final ComboBox<ItemStatus> replacement = new ComboBox<>();
    final Button delete = new Button();

    ReplacementDialog(ItemStatus deleted, long items, List<ItemStatus> others, Predicate<ItemStatus> onDelete) {
        String language = getLocale().getLanguage();
        setHeaderTitle(getTranslation("statuses.delete.title", deleted.label(language)));
        addClassName("status-replacement-dialog");
        Paragraph text = new Paragraph(getTranslation("statuses.delete.in-use", items, deleted.label(language)));
        replacement.setLabel(getTranslation("statuses.delete.replacement"));
        replacement.setItems(others);
        replacement.setItemLabelGenerator(s -> s.label(language) + " (" + s.code() + ")");
        replacement.setRequired(true);
        replacement.setWidthFull();
        add(text, replacement);
        setMaxWidth("32em");

        delete.setText(getTranslation("statuses.delete.move-and-delete"));
        delete.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        delete.addClickListener(e -> {
            if (replacement.getValue() == null) {
                replacement.setInvalid(true);
                replacement.setErrorMessage(getTranslation("statuses.delete.replacement.required"));
                return;
            }
            if (onDelete.test(replacement.getValue())) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, delete);
    }
}
