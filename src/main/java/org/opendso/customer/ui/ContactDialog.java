package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Predicate;
import org.opendso.customer.Contact;

/** Creates or edits a contact; the save callback says whether the dialog may close. */
class ContactDialog extends Dialog {

    final TextField name = new TextField();
    final TextField role = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final Checkbox collectionContact = new Checkbox();
    final Button save = new Button();

    ContactDialog(Contact contact, Predicate<Contact> onSave) {
        setHeaderTitle(getTranslation(contact.id() == null ? "contacts.new" : "contacts.edit"));
        addClassName("contact-dialog");
        name.setLabel(getTranslation("contacts.name"));
        name.setRequired(true);
        name.setValue(nz(contact.name()));
        role.setLabel(getTranslation("contacts.role"));
        role.setValue(nz(contact.role()));
        email.setLabel(getTranslation("contacts.email"));
        email.setValue(nz(contact.email()));
        phone.setLabel(getTranslation("contacts.phone"));
        phone.setValue(nz(contact.phone()));
        collectionContact.setLabel(getTranslation("contacts.collection-contact"));
        collectionContact.setValue(contact.collectionContact());
        collectionContact.setTooltipText(getTranslation("contacts.collection-contact.hint"));

        FormLayout form = new FormLayout(name, role, email, phone, collectionContact);
        form.setColspan(collectionContact, 2);
        form.setMaxWidth("32em");
        add(form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("contacts.name.required"));
                return;
            }
            if (email.isInvalid()) {
                return;
            }
            Contact changed = new Contact(contact.id(), contact.customerId(), name.getValue(), role.getValue(),
                    email.getValue(), phone.getValue(), collectionContact.getValue(), contact.version());
            if (onSave.test(changed)) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
