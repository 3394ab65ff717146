package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.opendso.customer.Assignee;
import org.opendso.customer.AssignmentRole;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;

/** Who works on the account; an admin adds and removes them. */
class AssigneesPanel extends VerticalLayout {

    private final Customers customers;
    private final Staff staff;
    private final Customer customer;

    final Grid<Assignee> grid = new Grid<>(Assignee.class, false);
    final Select<AssignmentRole> role = new Select<>();
    final ComboBox<StaffUser> user = new ComboBox<>();
    final Button add = new Button();

    AssigneesPanel(Customers customers, Users users, Staff staff, Customer customer) {
        this.customers = customers;
        this.staff = staff;
        this.customer = customer;
        setPadding(false);
        setSizeFull();
        addClassName("assignees");

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(Assignee::name).setHeader(getTranslation("assignees.name")).setKey("name").setFlexGrow(2);
        grid.addColumn(Assignee::login).setHeader(getTranslation("assignees.login")).setKey("login").setFlexGrow(1);
        grid.addComponentColumn(a -> new Tag(getTranslation("assignment." + a.role().name()),
                        a.role() == AssignmentRole.COLLECTOR ? "primary" : "neutral"))
                .setHeader(getTranslation("assignees.role")).setKey("role").setFlexGrow(1);
        if (staff.isAdmin()) {
            grid.addComponentColumn(a -> {
                Button remove = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> remove(a));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.ERROR);
                remove.setAriaLabel(getTranslation("assignees.remove"));
                remove.setTooltipText(getTranslation("assignees.remove"));
                return remove;
            }).setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);

            List<StaffUser> colleagues = users.of(staff).filter(StaffUser::enabled)
                    .collectList().block(); // allowed-blocking: Vaadin request thread
            role.setLabel(getTranslation("assign.role"));
            role.setItems(AssignmentRole.values());
            role.setItemLabelGenerator(r -> getTranslation("assignment." + r.name()));
            role.addValueChangeListener(e -> {
                user.setItems(colleagues.stream().filter(u -> e.getValue() == AssignmentRole.SALES_MANAGER
                        ? u.role() == Role.SALES_MANAGER : u.role() != Role.SALES_MANAGER).toList());
                user.clear();
            });
            user.setLabel(getTranslation("assign.user"));
            user.setItemLabelGenerator(u -> u.name() + " (" + u.login() + ")");
            user.setWidth("18em");
            role.setValue(AssignmentRole.COLLECTOR);
            add.setText(getTranslation("assignees.add"));
            add.setIcon(new Icon(VaadinIcon.PLUS));
            add.addThemeVariants(ButtonVariant.PRIMARY);
            add.addClickListener(e -> assign());
            HorizontalLayout form = new HorizontalLayout(role, user, add);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(form);
        }
        add.setVisible(staff.isAdmin());
        grid.setEmptyStateText(getTranslation("assignees.none"));
        grid.setSizeFull();
        add(grid);
        expand(grid);
        load();
    }

    void load() {
        try {
            grid.setItems(customers.assignees(staff, customer.id()).collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    private void assign() {
        if (user.getValue() == null) {
            user.setInvalid(true);
            user.setErrorMessage(getTranslation("assign.user.required"));
            return;
        }
        try {
            customers.assign(staff, List.of(customer.id()), user.getValue().id(), role.getValue())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("assignees.added", user.getValue().name()));
            user.clear();
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        load();
    }

    private void remove(Assignee assignee) {
        try {
            customers.unassign(staff, customer.id(), assignee.userId()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("assignees.removed", assignee.name()));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        load();
    }
}
