package org.opendso.status.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.StatusDraft;
import org.opendso.status.Statuses;

/**
 * Creates a status (code, labels, category, follow-up delay) or changes one (everything but its code, which other
 * programs use to name it). Obvious mistakes are told on the field before anything is sent; the save callback says
 * whether the dialog may close.
 */
class StatusDialog extends Dialog {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{2,40}$");

    final TextField code = new TextField();
    final TextField labelEn = new TextField();
    final TextField labelFr = new TextField();
    final Select<StatusCategory> category = new Select<>();
    final IntegerField followUpDays = new IntegerField();
    final Button save = new Button();

    private final ItemStatus editing;
    private final Set<String> takenCodes;

    /** @param editing the status to change, or null for a new one */
    StatusDialog(ItemStatus editing, Set<String> takenCodes, Predicate<StatusDraft> onSave) {
        this.editing = editing;
        this.takenCodes = takenCodes;
        setHeaderTitle(editing == null ? getTranslation("statuses.new")
                : getTranslation("statuses.edit.title", editing.code()));
        addClassName("status-dialog");

        code.setLabel(getTranslation("statuses.code"));
        code.setHelperText(getTranslation("statuses.code.hint"));
        code.setRequired(true);
        code.setMaxLength(40);
        labelEn.setLabel(getTranslation("statuses.label-en"));
        labelEn.setRequired(true);
        labelEn.setMaxLength(80);
        labelFr.setLabel(getTranslation("statuses.label-fr"));
        labelFr.setRequired(true);
        labelFr.setMaxLength(80);
        category.setLabel(getTranslation("statuses.category"));
        category.setItems(StatusCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(CategoryTag.key(c)));
        followUpDays.setLabel(getTranslation("statuses.follow-up-days"));
        followUpDays.setHelperText(getTranslation("statuses.follow-up-days.hint"));
        followUpDays.setMin(0);
        followUpDays.setMax(3650);
        followUpDays.setStepButtonsVisible(true);

        if (editing == null) {
            category.setValue(StatusCategory.ON_GOING);
            followUpDays.setValue(7);
        } else {
            code.setValue(editing.code());
            code.setReadOnly(true);
            code.setHelperText(getTranslation("statuses.code.fixed"));
            labelEn.setValue(editing.labelEn());
            labelFr.setValue(editing.labelFr());
            category.setValue(editing.category());
            followUpDays.setValue(editing.followUpDays());
        }

        FormLayout form = new FormLayout(code, category, labelEn, labelFr, followUpDays);
        form.setMaxWidth("36em");
        add(form);

        save.setText(getTranslation(editing == null ? "statuses.create" : "action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (valid() && onSave.test(new StatusDraft(Statuses.normaliseCode(code.getValue()), labelEn.getValue(),
                    labelFr.getValue(), category.getValue(), followUpDays.getValue()))) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private boolean valid() {
        boolean ok = true;
        if (editing == null) {
            String normalised = Statuses.normaliseCode(code.getValue());
            ok &= check(code, !normalised.isEmpty(), "statuses.error.code-required")
                    && check(code, CODE.matcher(normalised).matches(), "statuses.error.code-format")
                    && check(code, !takenCodes.contains(normalised), "statuses.error.code-taken");
        }
        ok &= check(labelEn, !labelEn.getValue().isBlank(), "statuses.error.label-required");
        ok &= check(labelFr, !labelFr.getValue().isBlank(), "statuses.error.label-required");
        if (category.getValue() == null) {
            category.setInvalid(true);
            category.setErrorMessage(getTranslation("statuses.error.category-required"));
            ok = false;
        } else {
            category.setInvalid(false);
        }
        Integer days = followUpDays.getValue();
        boolean daysOk = !followUpDays.isInvalid() && days != null && days >= 0 && days <= 3650;
        if (!daysOk) {
            followUpDays.setInvalid(true);
            followUpDays.setErrorMessage(getTranslation("statuses.error.follow-up-days"));
        }
        return ok && daysOk;
    }

    private boolean check(TextField field, boolean condition, String errorKey) {
        field.setInvalid(!condition);
        if (!condition) {
            field.setErrorMessage(getTranslation(errorKey));
        }
        return condition;
    }
}
