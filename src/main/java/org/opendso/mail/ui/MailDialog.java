package org.opendso.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opendso.mail.LoggedMail;
import org.opendso.mail.MailContent;
import org.opendso.mail.MailState;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;

/**
 * One mail as its recipient sees it. The body is ours (drafted by OpenDSO, edited by staff), yet it is shown in
 * a sandboxed frame with nothing allowed: no script, no form, no navigation, whatever it contains.
 */
class MailDialog extends Dialog {

    final IFrame body = new IFrame();
    final Button retry = new Button();
    final Button close = new Button();

    /** {@code onRetry} null: the staff member may not send this mail again (or it cannot be). */
    MailDialog(MailContent content, Function<MailState, Tag> stateTag, Predicate<LoggedMail> onRetry) {
        LoggedMail mail = content.mail();
        setHeaderTitle(mail.subject());
        addClassName("mail-dialog");
        setWidth("min(52rem, 95vw)");

        Div facts = new Div();
        facts.addClassName("mail-facts");
        fact(facts, "maillog.to", new Span(mail.recipientLine()));
        fact(facts, "maillog.state", stateTag.apply(mail.state()));
        if (mail.account() != null) {
            fact(facts, "maillog.account", new Span(mail.account() + " · " + mail.customerName()));
        }
        fact(facts, "maillog.queued", new Span(getTranslation("maillog.queued-by",
                Money.dateTime(mail.createdAt(), getLocale()),
                mail.createdBy() == null ? getTranslation("maillog.system") : mail.createdBy())));
        if (mail.sentAt() != null) {
            fact(facts, "maillog.sent-at", new Span(Money.dateTime(mail.sentAt(), getLocale())));
        }
        if (mail.attempts() > 0) {
            fact(facts, "maillog.attempts", new Span(String.valueOf(mail.attempts())));
        }
        if (mail.state() == MailState.PENDING && mail.attempts() > 0) {
            fact(facts, "maillog.next-attempt", new Span(Money.dateTime(mail.nextAttemptAt(), getLocale())));
        }
        if (mail.lastError() != null) {
            Span error = new Span(mail.lastError());
            error.addClassName("mail-error");
            fact(facts, "maillog.error", error);
        }

        body.setSrcdoc(content.bodyHtml());
        body.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        body.addClassName("mail-body");
        body.setWidthFull();
        add(facts, body);

        close.setText(getTranslation("maillog.close"));
        close.addClickListener(e -> close());
        retry.setText(getTranslation("maillog.retry"));
        retry.setIcon(new Icon(VaadinIcon.REFRESH));
        retry.addThemeVariants(ButtonVariant.PRIMARY);
        retry.setVisible(onRetry != null);
        if (onRetry != null) {
            retry.addClickListener(e -> {
                if (onRetry.test(mail)) {
                    close();
                }
            });
        }
        getFooter().add(close, retry);
    }

    private void fact(Div facts, String label, com.vaadin.flow.component.Component value) {
        Span name = new Span(getTranslation(label));
        name.addClassName("mail-fact-label");
        value.addClassName("mail-fact-value");
        facts.add(name, value);
    }
}
