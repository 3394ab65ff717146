package org.opendso.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.ScenarioDraft;
import org.opendso.scenario.ScenarioStep;
import org.opendso.scenario.StepKind;

/**
 * Creates a scenario or changes one: name, description and its steps, in a grid where steps are added, deleted
 * and put in order by dragging rows. The save callback says whether the dialog may close (it stays open on a
 * mistake, which the service names).
 */
class ScenarioDialog extends Dialog {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Grid<StepRow> steps = new Grid<>();
    final Button addStep = new Button();
    final Button save = new Button();

    private final List<StepRow> rows = new ArrayList<>();
    private StepRow dragged;

    /** @param editing the scenario to change, or null for a new one */
    ScenarioDialog(Scenario editing, Predicate<ScenarioDraft> onSave) {
        setHeaderTitle(editing == null ? getTranslation("scenarios.new")
                : getTranslation("scenarios.edit.title", editing.name()));
        addClassName("scenario-dialog");
        setWidth("min(70em, 95vw)");

        name.setLabel(getTranslation("scenarios.name"));
        name.setRequired(true);
        name.setMaxLength(80);
        description.setLabel(getTranslation("scenarios.description"));
        description.setMaxLength(2000);
        FormLayout form = new FormLayout(name, description);

        steps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        steps.setAllRowsVisible(true);
        steps.addComponentColumn(r -> new Icon(VaadinIcon.ELLIPSIS_DOTS_V)).setWidth("3em").setFlexGrow(0).setKey("handle");
        steps.addComponentColumn(r -> r.offsetDays).setHeader(getTranslation("scenarios.offset")).setKey("offset")
                .setAutoWidth(true).setFlexGrow(0);
        steps.addComponentColumn(r -> r.kind).setHeader(getTranslation("scenarios.kind")).setKey("kind").setAutoWidth(true);
        steps.addComponentColumn(r -> r.template).setHeader(getTranslation("scenarios.template")).setKey("template")
                .setAutoWidth(true);
        steps.addComponentColumn(r -> r.recipient).setHeader(getTranslation("scenarios.recipient")).setKey("recipient")
                .setAutoWidth(true);
        steps.addComponentColumn(r -> r.user).setHeader(getTranslation("scenarios.user")).setKey("user").setAutoWidth(true);
        steps.addComponentColumn(r -> r.mode).setHeader(getTranslation("scenarios.mode")).setKey("mode").setAutoWidth(true);
        steps.addComponentColumn(r -> r.label).setHeader(getTranslation("scenarios.label")).setKey("label").setFlexGrow(1);
        steps.addComponentColumn(r -> {
            Button remove = new Button(new Icon(VaadinIcon.TRASH), e -> remove(r));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("scenarios.step.delete"));
            return remove;
        }).setKey("delete").setWidth("4em").setFlexGrow(0);

        // reorder by dragging a row between two others
        steps.setRowsDraggable(true);
        steps.setDropMode(GridDropMode.BETWEEN);
        steps.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().getFirst());
        steps.addDragEndListener(e -> dragged = null);
        steps.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> {
            if (dragged != null) {
                move(dragged, target, e.getDropLocation());
            }
        }));

        addStep.setText(getTranslation("scenarios.step.add"));
        addStep.setIcon(new Icon(VaadinIcon.PLUS));
        addStep.addClickListener(e -> add(ScenarioStep.of(rows.isEmpty() ? 0
                : rows.getLast().offsetDays.getValue() == null ? 0 : rows.getLast().offsetDays.getValue() + 10,
                StepKind.CALL, null)));

        if (editing != null) {
            name.setValue(editing.name());
            description.setValue(editing.description());
            editing.steps().forEach(this::add);
        }
        Paragraph hint = new Paragraph(getTranslation("scenarios.steps.hint"));
        hint.addClassName("scenario-steps-hint");
        add(form, hint, steps, addStep);

        save.setText(getTranslation(editing == null ? "scenarios.create" : "action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("scenarios.error.name-required"));
                return;
            }
            boolean offsetsOk = true;
            for (StepRow row : rows) {
                boolean ok = !row.offsetDays.isInvalid() && row.offsetDays.getValue() != null;
                row.offsetDays.setInvalid(!ok);
                if (!ok) {
                    row.offsetDays.setErrorMessage(getTranslation("scenarios.error.offset"));
                }
                offsetsOk &= ok;
            }
            if (offsetsOk && onSave.test(draft())) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    List<StepRow> rows() {
        return List.copyOf(rows);
    }

    ScenarioDraft draft() {
        List<ScenarioStep> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            list.add(rows.get(i).step(i));
        }
        return new ScenarioDraft(name.getValue(), description.getValue(), list);
    }

    void add(ScenarioStep step) {
        rows.add(new StepRow(this, step));
        steps.setItems(rows);
    }

    void remove(StepRow row) {
        rows.remove(row);
        steps.setItems(rows);
    }

    /** Puts the dragged step just above or below the one it was dropped on. */
    void move(StepRow moved, StepRow target, GridDropLocation location) {
        if (moved == target) {
            return;
        }
        rows.remove(moved);
        int at = rows.indexOf(target) + (location == GridDropLocation.BELOW ? 1 : 0);
        rows.add(at, moved);
        steps.setItems(rows);
    }
}
