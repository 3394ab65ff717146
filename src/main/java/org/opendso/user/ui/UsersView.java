package org.opendso.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.user.NewStaffUser;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;

/** The company's staff: create, enable or disable, reset a password. Admins only. */
@Route("settings/users")
@Menu(title = "menu.users", order = 70, icon = "vaadin:user-card")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final Users users;
    private final Staff staff;

    final Grid<StaffUser> grid = new Grid<>(StaffUser.class, false);
    final Button create = new Button();

    UsersView(Users users) {
        this.users = users;
        this.staff = CurrentStaff.require();
        addClassName("users-view");
        setSizeFull();

        create.setText(getTranslation("users.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(StaffUser::name).setHeader(getTranslation("users.name")).setKey("name").setFlexGrow(2)
                .setSortable(true).setComparator(u -> u.name().toLowerCase());
        grid.addColumn(StaffUser::login).setHeader(getTranslation("users.login")).setKey("login").setFlexGrow(1)
                .setSortable(true);
        grid.addColumn(StaffUser::email).setHeader(getTranslation("users.email")).setKey("email").setFlexGrow(2);
        grid.addComponentColumn(u -> new Tag(getTranslation("role." + u.role().name()), tone(u.role())))
                .setHeader(getTranslation("users.role")).setKey("role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation("language." + u.locale())).setHeader(getTranslation("users.language"))
                .setKey("language").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> u.enabled() ? new Tag(getTranslation("users.enabled"), "success")
                        : new Tag(getTranslation("users.disabled"), "error"))
                .setHeader(getTranslation("users.state")).setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);

        add(create, grid);
        expand(grid);
        load();
    }

    private static String tone(Role role) {
        return switch (role) {
            case ADMIN -> "warning";
            case COLLECTOR -> "primary";
            case SALES_MANAGER -> "neutral";
        };
    }

    private HorizontalLayout actions(StaffUser user) {
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                e -> setEnabled(user, !user.enabled()));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        toggle.setVisible(user.id() != staff.userId());
        Button reset = new Button(getTranslation("users.reset"), new Icon(VaadinIcon.KEY), e -> confirmReset(user));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(toggle, reset);
    }

    void load() {
        try {
            grid.setItems(users.of(staff).collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    UserDialog openCreate() {
        UserDialog dialog = new UserDialog(created -> {
            String password = created.password() == null || created.password().isBlank()
                    ? Users.randomPassword() : created.password();
            try {
                users.create(staff, new NewStaffUser(created.login(), created.name(), created.email(), created.role(),
                        created.locale(), password)).block(); // allowed-blocking: Vaadin request thread
            } catch (RuntimeException e) {
                Toasts.failure(e);
                return false;
            }
            load();
            if (created.password() == null || created.password().isBlank()) {
                new PasswordDialog(getTranslation("users.created.title", created.name()), created.login(), password).open();
            } else {
                Toasts.success(getTranslation("users.created", created.name()));
            }
            return true;
        });
        dialog.open();
        return dialog;
    }

    void setEnabled(StaffUser user, boolean enabled) {
        try {
            users.setEnabled(staff, user.id(), enabled).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation(enabled ? "users.enabled.done" : "users.disabled.done", user.name()));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        load();
    }

    private void confirmReset(StaffUser user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("users.reset.title", user.name()));
        confirm.setText(getTranslation("users.reset.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("users.reset"));
        confirm.addConfirmListener(e -> resetPassword(user));
        confirm.open();
    }

    PasswordDialog resetPassword(StaffUser user) {
        try {
            String password = users.resetPassword(staff, user.id(), null).block(); // allowed-blocking: Vaadin request thread
            PasswordDialog dialog = new PasswordDialog(getTranslation("users.reset.done", user.name()), user.login(), password);
            dialog.open();
            return dialog;
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
