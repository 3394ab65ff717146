package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.security.Staff;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.Exceptions;

/** The people at the customer; one of them is the collection contact. */
class ContactsPanel extends VerticalLayout {

    private final Contacts contacts;
    private final Staff staff;
    private final Customer customer;

    final Grid<Contact> grid = new Grid<>(Contact.class, false);
    final Button add = new Button();

    ContactsPanel(Contacts contacts, Staff staff, Customer customer) {
        this.contacts = contacts;
        this.staff = staff;
        this.customer = customer;
        setPadding(false);
        setSizeFull();
        addClassName("contacts");

        add.setText(getTranslation("contacts.add"));
        add.setIcon(new Icon(VaadinIcon.PLUS));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> edit(Contact.blank(customer.id())));

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        grid.addComponentColumn(c -> {
            Span name = new Span(c.name());
            if (!c.collectionContact()) {
                return name;
            }
            HorizontalLayout cell = new HorizontalLayout(name, new Tag(getTranslation("contacts.collection-contact"), "success"));
            cell.setSpacing(true);
            cell.setPadding(false);
            return cell;
        }).setHeader(getTranslation("contacts.name")).setKey("name").setFlexGrow(2);
        grid.addColumn(Contact::role).setHeader(getTranslation("contacts.role")).setKey("role").setFlexGrow(1);
        grid.addComponentColumn(c -> c.email() == null || c.email().isBlank() ? new Span()
                : new Anchor("mailto:" + c.email(), c.email())).setHeader(getTranslation("contacts.email"))
                .setKey("email").setFlexGrow(2);
        grid.addColumn(Contact::phone).setHeader(getTranslation("contacts.phone")).setKey("phone").setFlexGrow(1);
        grid.addComponentColumn(c -> {
            Button edit = new Button(new Icon(VaadinIcon.EDIT), e -> edit(c));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            edit.setAriaLabel(getTranslation("action.edit"));
            edit.setTooltipText(getTranslation("action.edit"));
            Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> confirmDelete(c));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.ERROR);
            delete.setAriaLabel(getTranslation("action.delete"));
            delete.setTooltipText(getTranslation("action.delete"));
            return new HorizontalLayout(edit, delete);
        }).setHeader("").setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        grid.setEmptyStateText(getTranslation("contacts.none"));

        add(add, grid);
        expand(grid);
        load();
    }

    void load() {
        try {
            show(contacts.of(staff, customer.id()).collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    /** Shows contacts read elsewhere (a live update reads them without blocking). */
    void show(java.util.List<Contact> list) {
        grid.setItems(list);
    }

    ContactDialog edit(Contact contact) {
        ContactDialog dialog = new ContactDialog(contact, changed -> {
            try {
                contacts.save(staff, changed).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("contacts.saved", changed.name()));
                load();
                return true;
            } catch (RuntimeException e) {
                Toasts.failure(e);
                if (Exceptions.unwrap(e) instanceof OptimisticLockingFailureException) {
                    load();
                    return true;
                }
                return false;
            }
        });
        dialog.open();
        return dialog;
    }

    private void confirmDelete(Contact contact) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("contacts.delete.title"));
        confirm.setText(getTranslation("contacts.delete.text", contact.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                contacts.delete(staff, customer.id(), contact.id()).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("contacts.deleted", contact.name()));
            } catch (RuntimeException ex) {
                Toasts.failure(ex);
            }
            load();
        });
        confirm.open();
    }
}
