package org.opendso.action.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.opendso.action.ActionKind;
import org.opendso.action.Resolver;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActionRequest;
import org.opendso.action.SpecificActions;
import org.opendso.item.OpenItem;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/** Creates a specific action directly on the sheet: the items (open ones of the account), kind, resolver, due date, note. */
public class CreateActionDialog extends Dialog {

    private final SpecificActions actions;
    private final Staff staff;
    private final long customerId;
    private final Runnable onChanged;

    final Grid<OpenItem> items = new Grid<>(OpenItem.class, false);
    final ComboBox<ActionKind> kind = new ComboBox<>();
    final ComboBox<Resolver> resolver = new ComboBox<>();
    final DatePicker dueDate = new DatePicker();
    final TextArea note = new TextArea();
    final Button save = new Button();
    SpecificAction created;

    CreateActionDialog(SpecificActions actions, Staff staff, long customerId, List<OpenItem> open,
                       List<Resolver> resolvers, List<OpenItem> selected, Runnable onChanged) {
        this.actions = actions;
        this.staff = staff;
        this.customerId = customerId;
        this.onChanged = onChanged;
        setHeaderTitle(getTranslation("actions.create.title"));
        addClassName("specific-action-dialog");
        setWidth("min(48em, 96vw)");

        items.setSelectionMode(Grid.SelectionMode.MULTI);
        items.addThemeVariants(GridVariant.LUMO_COMPACT);
        items.setAllRowsVisible(open.size() <= 8);
        items.setHeight(open.size() <= 8 ? null : "16em");
        items.addColumn(OpenItem::number).setHeader(getTranslation("actions.item.number")).setKey("number");
        items.addColumn(i -> Money.date(i.dueDate(), getLocale())).setHeader(getTranslation("actions.item.due")).setKey("due");
        items.addColumn(i -> Money.format(i.openAmount(), i.currency(), getLocale()))
                .setHeader(getTranslation("actions.item.open")).setKey("open");
        items.addColumn(i -> i.qualification().status() == null ? "" : "fr".equals(getLocale().getLanguage())
                        ? i.qualification().status().labelFr() : i.qualification().status().labelEn())
                .setHeader(getTranslation("actions.item.status")).setKey("status");
        items.setItems(open);
        open.stream().filter(i -> selected.stream().anyMatch(s -> s.id() == i.id())).forEach(items::select);

        kind.setLabel(getTranslation("actions.kind"));
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("sheet.actions.kind." + k.name()));
        kind.setValue(ActionKind.DISPUTE_FOLLOW_UP);
        resolver.setLabel(getTranslation("actions.resolver"));
        resolver.setItems(resolvers);
        resolver.setItemLabelGenerator(r -> r.name() + " (" + getTranslation("actions.role." + r.role().name()) + ")");
        resolvers.stream().filter(r -> r.id() == staff.userId()).findFirst().ifPresent(resolver::setValue);
        dueDate.setLabel(getTranslation("actions.due"));
        dueDate.setLocale(getLocale());
        dueDate.setValue(actions.today().plusDays(7));
        note.setLabel(getTranslation("actions.note"));
        note.setMaxLength(4000);
        FormLayout form = new FormLayout(kind, resolver, dueDate, note);
        form.setColspan(note, 2);
        add(items, form);

        save.setText(getTranslation("actions.create.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, save);
    }

    /** Saves; the service checks everything again (the resolver, the items, their other actions). */
    void save() {
        if (items.getSelectedItems().isEmpty()) {
            Toasts.error(getTranslation("actions.create.no-items"));
            return;
        }
        if (resolver.getValue() == null || dueDate.getValue() == null || kind.getValue() == null) {
            Toasts.error(getTranslation("actions.create.incomplete"));
            return;
        }
        try {
            created = actions.create(staff, customerId, new SpecificActionRequest(kind.getValue(),
                            items.getSelectedItems().stream().map(OpenItem::key).toList(), resolver.getValue().login(),
                            dueDate.getValue(), note.getValue()))
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("actions.created"));
            close();
            onChanged.run();
        } catch (RuntimeException e) {
            ActionProblem.show(e);
        }
    }
}
