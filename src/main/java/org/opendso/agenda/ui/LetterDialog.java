package org.opendso.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.LetterActions;
import org.opendso.agenda.LetterPdf;
import org.opendso.agenda.PlannedAction;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/**
 * A letter action carried out: the PDF as it will print (preview and download), then "mark sent" once posted, or
 * "email as attachment" to an address (the collection contact's by default). The letter is laid out once, when the
 * dialog opens; preview and download serve those bytes.
 */
class LetterDialog extends Dialog {

    private final LetterActions letters;
    private final Staff staff;
    private final PlannedAction action;
    private final Runnable onDone;
    private final LetterPdf letter;

    final IFrame preview = new IFrame();
    final Anchor download;
    final Button markSent = new Button();
    final EmailField to = new EmailField();
    final Button email = new Button();
    final Paragraph problem = new Paragraph();

    LetterDialog(LetterActions letters, Staff staff, PlannedAction action, Runnable onDone) {
        this.letters = letters;
        this.staff = staff;
        this.action = action;
        this.onDone = onDone;
        setHeaderTitle(getTranslation("letter.title", action.customerName()));
        setWidth("min(960px, 95vw)");
        setHeight("90vh");
        addClassName("letter-dialog");

        LetterPdf pdf = null;
        String defaultTo = "";
        try {
            pdf = letters.pdf(staff, action.id()).block(); // allowed-blocking: Vaadin request thread
            defaultTo = letters.defaultRecipient(staff, action.id()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            problem.setText(getTranslation("letter.failed", ActionProblems.describe(this, e)));
        }
        this.letter = pdf;

        preview.setTitle(getTranslation("letter.preview"));
        preview.setWidthFull();
        preview.setHeight("100%");
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("min-height", "60vh");
        download = new Anchor();
        download.setText(getTranslation("letter.download"));
        if (letter != null) {
            preview.setSrc(handler(true));
            download.setHref(handler(false), AttachmentType.DOWNLOAD);
            add(preview);
        } else {
            problem.getStyle().set("color", "var(--lumo-error-text-color)");
            add(problem);
            download.setEnabled(false);
        }

        to.setLabel(getTranslation("letter.to"));
        to.setValue(defaultTo == null ? "" : defaultTo);
        to.setWidth("22em");
        email.setText(getTranslation("letter.email"));
        email.addClickListener(e -> email());
        markSent.setText(getTranslation("letter.mark-sent"));
        markSent.addThemeVariants(ButtonVariant.PRIMARY);
        markSent.addClickListener(e -> markSent());
        boolean ready = letter != null && action.isWaiting();
        markSent.setEnabled(ready);
        email.setEnabled(ready);
        to.setEnabled(ready);

        HorizontalLayout mail = new HorizontalLayout(to, email);
        mail.setAlignItems(FlexComponent.Alignment.BASELINE);
        Button close = new Button(getTranslation("letter.close"), e -> close());
        getFooter().add(download, mail, close, markSent);
    }

    /** The laid-out letter, inline for the preview or as a file to save. */
    private DownloadHandler handler(boolean inline) {
        var handler = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(letter.content()), letter.fileName(), "application/pdf",
                letter.content().length));
        return inline ? handler.inline() : handler;
    }

    LetterPdf letter() {
        return letter;
    }

    void markSent() {
        try {
            letters.markSent(staff, action.id(), action.version()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("letter.sent.toast"));
            close();
            onDone.run();
        } catch (RuntimeException e) {
            ActionProblems.show(this, e);
        }
    }

    void email() {
        to.setInvalid(false);
        try {
            letters.emailAsAttachment(staff, action.id(), action.version(), to.getValue())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("letter.emailed.toast", to.getValue().strip()));
            close();
            onDone.run();
        } catch (RuntimeException e) {
            if (Exceptions.unwrap(e) instanceof InvalidAction i && "to".equals(i.field())) {
                to.setErrorMessage(i.getMessage());
                to.setInvalid(true);
            } else {
                ActionProblems.show(this, e);
            }
        }
    }
}
