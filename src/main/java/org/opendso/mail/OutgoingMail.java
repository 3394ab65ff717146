package org.opendso.mail;

import java.util.List;

/** An email to queue: one recipient, a subject, an HTML body and its attachments. */
public record OutgoingMail(String recipient, String recipientName, String subject, String bodyHtml,
                           List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(String recipient, String recipientName, String subject, String bodyHtml) {
        this(recipient, recipientName, subject, bodyHtml, List.of());
    }
}
