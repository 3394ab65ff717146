package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.function.LongConsumer;
import org.opendso.customer.AssignmentRole;
import org.opendso.customer.CustomerQuery;
import org.opendso.customer.Customers;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;

/** Assigns a collector or a sales manager to the selected accounts, or to every account of the current search. */
class AssignDialog extends Dialog {

    enum Scope { SELECTED, ALL }

    final RadioButtonGroup<AssignmentRole> role = new RadioButtonGroup<>();
    final ComboBox<StaffUser> user = new ComboBox<>();
    final RadioButtonGroup<Scope> scope = new RadioButtonGroup<>();
    final Button confirm = new Button();

    AssignDialog(Customers customers, Users users, Staff admin, CustomerQuery query, long total,
                 List<Long> selectedIds, LongConsumer done) {
        setHeaderTitle(getTranslation("assign.title"));
        addClassName("assign-dialog");
        List<StaffUser> staff = users.of(admin).filter(StaffUser::enabled)
                .collectList().block(); // allowed-blocking: Vaadin request thread

        role.setLabel(getTranslation("assign.role"));
        role.setItems(AssignmentRole.values());
        role.setItemLabelGenerator(r -> getTranslation("assignment." + r.name()));
        role.addValueChangeListener(e -> {
            AssignmentRole r = e.getValue();
            user.setItems(staff.stream().filter(u -> r == AssignmentRole.SALES_MANAGER
                    ? u.role() == Role.SALES_MANAGER : u.role() != Role.SALES_MANAGER).toList());
            user.clear();
        });

        user.setLabel(getTranslation("assign.user"));
        user.setItemLabelGenerator(u -> u.name() + " (" + u.login() + ")");
        user.setWidthFull();
        user.setRequiredIndicatorVisible(true);
        role.setValue(AssignmentRole.COLLECTOR);

        scope.setLabel(getTranslation("assign.scope"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> s == Scope.SELECTED
                ? getTranslation("assign.scope.selected", selectedIds.size())
                : getTranslation("assign.scope.all", total));
        scope.setItemEnabledProvider(s -> s == Scope.ALL || !selectedIds.isEmpty());
        scope.setValue(selectedIds.isEmpty() ? Scope.ALL : Scope.SELECTED);

        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("assign.hint")), role, user, scope);
        body.setPadding(false);
        body.setWidth("28em");
        add(body);

        confirm.setText(getTranslation("assign.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> {
            if (user.getValue() == null) {
                user.setInvalid(true);
                user.setErrorMessage(getTranslation("assign.user.required"));
                return;
            }
            try {
                // allowed-blocking: a click listener runs on the Vaadin request thread, never on an event loop
                long n = (scope.getValue() == Scope.SELECTED
                        ? customers.assign(admin, selectedIds, user.getValue().id(), role.getValue())
                        : customers.assignAll(admin, query, user.getValue().id(), role.getValue())).block(); // allowed-blocking
                close();
                done.accept(n);
            } catch (RuntimeException ex) {
                Toasts.failure(ex);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }
}
