package org.opendso.action.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.opendso.action.ActionChange;
import org.opendso.action.Resolver;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/** Changes an open action's due date, resolver or note, at the version the user saw (someone else's edit: a conflict). */
public class EditActionDialog extends Dialog {

    private final SpecificActions actions;
    private final Staff staff;
    private final SpecificAction action;
    private final Runnable onChanged;

    final ComboBox<Resolver> resolver = new ComboBox<>();
    final DatePicker dueDate = new DatePicker();
    final TextArea note = new TextArea();
    final Button save = new Button();

    EditActionDialog(SpecificActions actions, Staff staff, SpecificAction action, List<Resolver> resolvers,
                     Runnable onChanged) {
        this.actions = actions;
        this.staff = staff;
        this.action = action;
        this.onChanged = onChanged;
        setHeaderTitle(getTranslation("actions.edit.title"));
        setWidth("min(36em, 96vw)");
        resolver.setLabel(getTranslation("actions.resolver"));
        resolver.setItems(resolvers);
        resolver.setItemLabelGenerator(r -> r.name() + " (" + getTranslation("actions.role." + r.role().name()) + ")");
        resolvers.stream().filter(r -> r.id() == action.assigneeId()).findFirst().ifPresent(resolver::setValue);
        dueDate.setLabel(getTranslation("actions.due"));
        dueDate.setLocale(getLocale());
        dueDate.setValue(action.dueDate());
        note.setLabel(getTranslation("actions.note"));
        note.setMaxLength(4000);
        note.setValue(action.note() == null ? "" : action.note());
        FormLayout form = new FormLayout(resolver, dueDate, note);
        form.setColspan(note, 2);
        add(form);
        save.setText(getTranslation("actions.edit.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, save);
    }

    void save() {
        try {
            actions.update(staff, action.id(), new ActionChange(action.version(), dueDate.getValue(),
                            resolver.getValue() == null ? null : resolver.getValue().login(), note.getValue()))
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("actions.edited"));
            close();
            onChanged.run();
        } catch (RuntimeException e) {
            ActionProblem.show(e);
        }
    }
}
