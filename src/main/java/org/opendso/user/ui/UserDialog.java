package org.opendso.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Predicate;
import org.opendso.security.Role;
import org.opendso.user.NewStaffUser;

/** A new staff member: login, name, email, role, language, and a password (generated when left empty). */
class UserDialog extends Dialog {

    final TextField login = new TextField();
    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final Select<Role> role = new Select<>();
    final Select<String> language = new Select<>();
    final PasswordField password = new PasswordField();
    final Button save = new Button();

    UserDialog(Predicate<NewStaffUser> onSave) {
        setHeaderTitle(getTranslation("users.new"));
        addClassName("user-dialog");
        login.setLabel(getTranslation("users.login"));
        login.setRequired(true);
        login.setHelperText(getTranslation("users.login.hint"));
        name.setLabel(getTranslation("users.name"));
        name.setRequired(true);
        email.setLabel(getTranslation("users.email"));
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.COLLECTOR);
        language.setLabel(getTranslation("users.language"));
        language.setItems("en", "fr");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue(getLocale().getLanguage().equals("fr") ? "fr" : "en");
        password.setLabel(getTranslation("users.password"));
        password.setHelperText(getTranslation("users.password.hint"));

        FormLayout form = new FormLayout(login, name, email, role, language, password);
        form.setMaxWidth("34em");
        add(form);

        save.setText(getTranslation("users.create"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (onSave.test(new NewStaffUser(login.getValue().strip(), name.getValue(), email.getValue(),
                    role.getValue(), language.getValue(), password.getValue()))) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
