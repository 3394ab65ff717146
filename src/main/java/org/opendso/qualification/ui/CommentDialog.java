package org.opendso.qualification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.customer.Customer;
import org.opendso.item.OpenItem;
import org.opendso.qualification.InvalidQualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.AccountEvent;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/** A comment without a status change: on the selected items, or on the account when none is selected. */
public class CommentDialog extends Dialog {

    private final Qualifications qualifications;
    private final Staff staff;
    private final Customer customer;
    private final List<OpenItem> items;
    private final Consumer<AccountEvent> onSaved;

    final Paragraph scope = new Paragraph();
    final TextArea text = new TextArea();
    final Button save = new Button();

    CommentDialog(Qualifications qualifications, Staff staff, Customer customer, List<OpenItem> items,
                  Consumer<AccountEvent> onSaved) {
        this.qualifications = qualifications;
        this.staff = staff;
        this.customer = customer;
        this.items = List.copyOf(items);
        this.onSaved = onSaved;
        setId("comment-dialog");
        addClassName("comment-dialog");
        setHeaderTitle(getTranslation("qualify.comment.title"));
        setWidth("min(36em, 96vw)");
        scope.setText(items.isEmpty() ? getTranslation("qualify.comment.on-account", customer.name())
                : getTranslation("qualify.comment.on-items", String.join(", ", items.stream().map(OpenItem::number).toList())));
        text.setId("comment-text");
        text.setLabel(getTranslation("qualify.comment"));
        text.setWidthFull();
        text.setMinHeight("8em");
        text.setMaxLength(4000);
        text.setRequiredIndicatorVisible(true);
        text.setManualValidation(true);
        text.addValueChangeListener(e -> text.setInvalid(false));
        add(scope, text);

        save.setText(getTranslation("action.save"));
        save.setId("comment-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }

    void save() {
        try {
            AccountEvent event = qualifications.comment(staff, customer.id(),
                    items.stream().map(OpenItem::key).toList(), text.getValue())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("qualify.comment.saved"));
            close();
            onSaved.accept(event);
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            if (cause instanceof InvalidQualification invalid && invalid.field().equals("comment")) {
                text.setErrorMessage(invalid.getMessage());
                text.setInvalid(true);
            } else {
                Toasts.failure(cause);
            }
        }
    }
}
