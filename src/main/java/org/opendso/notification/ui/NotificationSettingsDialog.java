package org.opendso.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.opendso.notification.EmailPreference;
import org.opendso.notification.NotificationSettings;
import org.opendso.notification.Notifications;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/** "My notifications": how the user wants their notifications by email (each at once, a daily digest, none). */
public class NotificationSettingsDialog extends Dialog {

    private final Notifications notifications;
    private final Staff staff;
    private NotificationSettings current;
    final RadioButtonGroup<EmailPreference> email = new RadioButtonGroup<>();
    final Button save = new Button();

    public NotificationSettingsDialog(Notifications notifications, Staff staff) {
        this.notifications = notifications;
        this.staff = staff;
        setHeaderTitle(getTranslation("notifications.settings.title"));
        addClassName("notification-settings-dialog");
        current = notifications.settings(staff).block(); // allowed-blocking: Vaadin request thread
        email.setLabel(getTranslation("notifications.settings.email"));
        email.setItems(EmailPreference.values());
        email.setItemLabelGenerator(p -> getTranslation("notifications.settings.email." + p.name()));
        email.setValue(current.email());
        add(email);
        save.setText(getTranslation("notifications.settings.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, save);
    }

    void save() {
        try {
            current = notifications.update(staff, email.getValue(), current.version())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("notifications.settings.saved"));
            close();
        } catch (RuntimeException e) {
            Toasts.failure(e);
            current = notifications.settings(staff).block(); // allowed-blocking: Vaadin request thread
            email.setValue(current.email());
        }
    }
}
