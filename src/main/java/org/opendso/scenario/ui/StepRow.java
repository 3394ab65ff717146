package org.opendso.scenario.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.opendso.scenario.Recipient;
import org.opendso.scenario.ScenarioStep;
import org.opendso.scenario.StepKind;
import org.opendso.scenario.StepMode;

/**
 * One editable line of the step grid. It owns its fields, so that the grid redrawing its rows (after a drop or a
 * deletion) keeps what the administrator typed.
 */
final class StepRow {

    final IntegerField offsetDays = new IntegerField();
    final Select<StepKind> kind = new Select<>();
    final TextField template = new TextField();
    final Select<Recipient> recipient = new Select<>();
    final TextField user = new TextField();
    final Select<StepMode> mode = new Select<>();
    final TextField label = new TextField();

    StepRow(Component owner, ScenarioStep step) {
        offsetDays.setMin(-365);
        offsetDays.setMax(3650);
        offsetDays.setStepButtonsVisible(true);
        offsetDays.setWidth("8em");
        offsetDays.setValue(step.offsetDays());
        kind.setItems(StepKind.values());
        kind.setItemLabelGenerator(k -> owner.getTranslation("scenarios.kind." + k.name()));
        kind.setValue(step.kind());
        template.setValue(step.template() == null ? "" : step.template());
        template.setWidth("12em");
        template.setEnabled(step.kind() == null || step.kind().usesTemplate());
        kind.addValueChangeListener(e -> {
            boolean usesTemplate = e.getValue() != null && e.getValue().usesTemplate();
            template.setEnabled(usesTemplate);
            if (!usesTemplate) {
                template.clear();
            }
        });
        recipient.setItems(Recipient.values());
        recipient.setItemLabelGenerator(r -> owner.getTranslation("scenarios.recipient." + r.name()));
        recipient.setValue(step.recipient() == null ? Recipient.COLLECTION_CONTACT : step.recipient());
        user.setValue(step.user() == null ? "" : step.user());
        user.setWidth("8em");
        user.setPlaceholder(owner.getTranslation("scenarios.user.placeholder"));
        user.setEnabled(recipient.getValue() == Recipient.INTERNAL_USER);
        recipient.addValueChangeListener(e -> {
            user.setEnabled(e.getValue() == Recipient.INTERNAL_USER);
            if (e.getValue() != Recipient.INTERNAL_USER) {
                user.clear();
            }
        });
        mode.setItems(StepMode.values());
        mode.setItemLabelGenerator(m -> owner.getTranslation("scenarios.mode." + m.name()));
        mode.setValue(step.mode() == null ? StepMode.MANUAL : step.mode());
        label.setValue(step.label() == null ? "" : step.label());
        label.setMaxLength(80);
    }

    /** The step as typed; the service checks it and names the step of any mistake. */
    ScenarioStep step(int position) {
        Integer days = offsetDays.getValue();
        return new ScenarioStep(position, days == null ? Integer.MIN_VALUE : days, kind.getValue(), template.getValue(),
                recipient.getValue(), user.getValue(), mode.getValue(), label.getValue());
    }
}
