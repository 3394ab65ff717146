package org.opendso.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.portal.InvalidPortalLink;
import org.opendso.portal.InvalidPortalRequest;
import org.opendso.portal.NewSubmission;
import org.opendso.portal.Portal;
import org.opendso.portal.PortalItem;
import org.opendso.portal.PortalMessage;
import org.opendso.portal.SubmissionKind;
import org.opendso.portal.TooManyAttempts;

/**
 * The customer's reply on one invoice: a comment, a promise to pay with its date, or a dispute with its reason. The
 * field at fault is marked when the portal refuses (a date in the past, an empty reason, a text too long).
 */
class PortalReplyDialog extends Dialog {

    final RadioButtonGroup<SubmissionKind> kind = new RadioButtonGroup<>();
    final DatePicker date = new DatePicker();
    final TextArea comment = new TextArea();
    final Span error = new Span();
    final Button send = new Button();

    private final Portal portal;
    private final String token;
    private final String client;
    private final PortalItem item;
    private final Consumer<PortalMessage> onSent;

    PortalReplyDialog(Portal portal, String token, String client, PortalItem item, Consumer<PortalMessage> onSent) {
        this.portal = portal;
        this.token = token;
        this.client = client;
        this.item = item;
        this.onSent = onSent;
        addClassName("portal-reply-dialog");
        setHeaderTitle(getTranslation("portal.reply.title", item.number()));
        kind.setId("portal-kind");
        kind.setItems(SubmissionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("portal.reply.kind." + k.name()));
        kind.setValue(SubmissionKind.COMMENT);
        kind.addValueChangeListener(e -> showFields());
        date.setId("portal-date");
        date.setLabel(getTranslation("portal.reply.date"));
        date.setMin(LocalDate.now());
        date.setMax(LocalDate.now().plusYears(1));
        date.setLocale(getLocale());
        comment.setId("portal-comment");
        comment.setMaxLength(Portal.MAX_COMMENT);
        comment.setWidthFull();
        comment.setMinHeight("8em");
        error.setId("portal-error");
        error.addClassName("portal-error");
        send.setId("portal-send");
        send.setText(getTranslation("portal.reply.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> send());
        Button cancel = new Button(getTranslation("portal.reply.cancel"), e -> close());
        VerticalLayout form = new VerticalLayout(kind, date, comment, error);
        form.setPadding(false);
        add(form);
        getFooter().add(cancel, send);
        setWidth("min(36em, 96vw)");
        showFields();
    }

    private void showFields() {
        SubmissionKind k = kind.getValue() == null ? SubmissionKind.COMMENT : kind.getValue();
        date.setVisible(k == SubmissionKind.PROMISE);
        comment.setLabel(getTranslation("portal.reply.text." + k.name()));
    }

    /** Sends through the token; on success the dialog closes and the page shows the message pending. */
    PortalMessage send() {
        error.setText("");
        comment.setInvalid(false);
        date.setInvalid(false);
        SubmissionKind k = kind.getValue();
        try {
            PortalMessage sent = portal.submit(token, client, new NewSubmission(k, List.of(item.id()),
                    k == SubmissionKind.PROMISE ? date.getValue() : null, comment.getValue()))
                    .block(); // allowed-blocking: Vaadin request thread
            close();
            onSent.accept(sent);
            return sent;
        } catch (InvalidPortalRequest e) {
            // the portal's own words are English: the customer reads the field's message in their language
            String text = getTranslation("portal.reply.invalid." + e.field());
            error.setText(text);
            if ("promisedDate".equals(e.field())) {
                date.setInvalid(true);
                date.setErrorMessage(text);
            } else if ("comment".equals(e.field())) {
                comment.setInvalid(true);
                comment.setErrorMessage(text);
            }
        } catch (InvalidPortalLink | TooManyAttempts e) {
            close();
            onSent.accept(null);
        }
        return null;
    }
}
