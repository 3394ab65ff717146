package org.opendso.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.agenda.ActionChanged;
import org.opendso.agenda.EmailActions;
import org.opendso.agenda.EmailAddress;
import org.opendso.agenda.EmailDraft;
import org.opendso.agenda.EmailSent;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.UnknownAction;
import org.opendso.security.Staff;
import org.opendso.template.Rendered;
import org.opendso.template.Templates;
import org.opendso.template.ui.HashtagPicker;
import org.opendso.template.ui.MailPreview;
import org.opendso.ui.Toasts;

/**
 * Writes the email of an agenda action: the recipients (editable, separated by commas), the subject and the HTML
 * body of the step's template with its hashtags, a hashtag picker writing at the cursor, and the live preview
 * rendered for the account. Send queues the mail and completes the action; a mistake (an unknown hashtag with its
 * line and column, a missing address, the action changed meanwhile) is shown in the dialog, which stays open. Once
 * sent, the dialog offers to qualify the account's items, as a collector does after an action.
 */
class EmailComposer extends Dialog {

    final TextField to = new TextField();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final HashtagPicker hashtag = new HashtagPicker(body, this::preview);
    final MailPreview preview = new MailPreview();
    final Span error = new Span();
    final Button send = new Button();
    final Button qualify = new Button();
    final Button close = new Button();

    private final EmailActions emails;
    private final Templates templates;
    private final Staff staff;
    private final EmailDraft draft;
    private final LocalDate today;
    private final Consumer<EmailSent> onSent;
    private EmailSent sent;

    EmailComposer(EmailActions emails, Templates templates, Staff staff, EmailDraft draft, LocalDate today,
                  Consumer<EmailSent> onSent, Runnable onQualify) {
        this.emails = emails;
        this.templates = templates;
        this.staff = staff;
        this.draft = draft;
        this.today = today;
        this.onSent = onSent;
        addClassName("email-composer");
        setHeaderTitle(getTranslation("agenda.email.title", draft.action().account(), draft.action().customerName()));
        setWidth("min(80em, 96vw)");

        to.setId("email-to");
        subject.setId("email-subject");
        body.setId("email-body");
        send.setId("email-send");
        qualify.setId("email-qualify");
        error.setId("email-error");
        preview.body.setId("email-preview");
        to.setLabel(getTranslation("agenda.email.to"));
        to.setWidthFull();
        to.setValue(String.join(", ", draft.to().stream().map(EmailAddress::email).toList()));
        to.setHelperText(draft.to().isEmpty() ? getTranslation("agenda.email.to.none")
                : getTranslation("agenda.email.to.hint"));
        subject.setLabel(getTranslation("templates.subject"));
        subject.setWidthFull();
        subject.setValue(draft.subject());
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.addValueChangeListener(e -> preview());
        body.setLabel(getTranslation("templates.body"));
        body.setHelperText(getTranslation("templates.body.hint"));
        body.setWidthFull();
        body.setMinHeight("18em");
        body.setValue(draft.body());
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> preview());
        VerticalLayout editor = new VerticalLayout(to, subject, hashtag, body);
        editor.setPadding(false);
        editor.setWidth("50%");

        VerticalLayout side = new VerticalLayout(new H4(getTranslation("templates.preview.title")), preview);
        side.setPadding(false);
        side.setWidth("50%");
        HorizontalLayout columns = new HorizontalLayout(editor, side);
        columns.setWidthFull();
        columns.setAlignItems(FlexComponent.Alignment.START);

        error.addClassName("email-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Paragraph step = new Paragraph(draft.templateCode() == null ? getTranslation("agenda.email.no-template")
                : getTranslation("agenda.email.template", draft.templateCode(), draft.language()));
        add(step, columns, error);

        send.setText(getTranslation("agenda.email.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> send());
        qualify.setText(getTranslation("agenda.email.qualify"));
        qualify.addThemeVariants(ButtonVariant.PRIMARY);
        qualify.setVisible(false);
        qualify.addClickListener(e -> {
            close();
            onQualify.run();
        });
        close.setText(getTranslation("agenda.cancel"));
        close.addClickListener(e -> close());
        getFooter().add(close, send, qualify);
        preview.show(draft.preview());
    }

    /** Renders the text as it stands for the account; a problem (hashtag and position) shows instead. */
    Rendered preview() {
        try {
            Rendered r = templates.render(staff, draft.action().account(), subject.getValue(), body.getValue(), null,
                    today).block(); // allowed-blocking: Vaadin request thread
            preview.show(r);
            return r;
        } catch (RuntimeException e) {
            preview.fail(describe(e));
            return null;
        }
    }

    /** Sends; on success the dialog turns to "qualify the items", on a mistake it says why and stays as it was. */
    EmailSent send() {
        error.setText("");
        List<String> recipients = Arrays.stream(to.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        if (recipients.isEmpty()) {
            // an emptied "To" is a mistake to point out, not "the step's recipients" (that is the API's omission)
            error.setText(getTranslation("agenda.email.no-recipient"));
            return null;
        }
        try {
            // the step's recipients unchanged: let the service address them with their names
            List<String> proposed = draft.to().stream().map(EmailAddress::email).toList();
            sent = emails.send(staff, draft.action().id(), draft.action().version(),
                    recipients.equals(proposed) ? null : recipients, subject.getValue(),
                    body.getValue()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            error.setText(describe(e));
            return null;
        }
        Toasts.success(getTranslation("agenda.email.sent", String.join(", ", recipients.isEmpty()
                ? draft.to().stream().map(EmailAddress::email).toList() : recipients)));
        send.setVisible(false);
        qualify.setVisible(true);
        close.setText(getTranslation("agenda.email.close"));
        to.setReadOnly(true);
        subject.setReadOnly(true);
        body.setReadOnly(true);
        hashtag.setEnabled(false);
        onSent.accept(sent);
        return sent;
    }

    EmailSent sent() {
        return sent;
    }

    /** The rule broken, in the user's words; the service's messages name the field or the hashtag's position. */
    static String describe(Throwable e) {
        return e instanceof InvalidAction || e instanceof ActionChanged || e instanceof UnknownAction
                ? e.getMessage() : Toasts.describe(e);
    }
}
