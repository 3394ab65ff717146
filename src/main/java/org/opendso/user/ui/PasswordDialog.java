package org.opendso.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a password once so the admin can pass it on; it is never shown again. */
class PasswordDialog extends Dialog {

    final TextField password = new TextField();

    PasswordDialog(String title, String login, String secret) {
        setHeaderTitle(title);
        addClassName("password-dialog");
        TextField loginField = new TextField(getTranslation("users.login"));
        loginField.setValue(login);
        loginField.setReadOnly(true);
        password.setLabel(getTranslation("users.password"));
        password.setValue(secret);
        password.setReadOnly(true);
        password.setWidthFull();
        password.addClassName("secret");
        add(new Paragraph(getTranslation("users.password.once")), loginField, password);
        Button copy = new Button(getTranslation("action.copy"), e -> getUI().ifPresent(ui ->
                ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret)));
        Button done = new Button(getTranslation("action.done"), e -> close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(copy, done);
        setWidth("26em");
    }
}
