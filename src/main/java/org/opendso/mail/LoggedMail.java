package org.opendso.mail;

import java.time.OffsetDateTime;

/**
 * A mail of the outbox as the mail log lists it (without its body).
 *
 * @param customerId  the account the mail is about, if any (with its reference and name)
 * @param createdBy   the name of the staff member who queued it; null when the system did
 */
public record LoggedMail(
        long id,
        Long customerId,
        String account,
        String customerName,
        String recipient,
        String recipientName,
        String subject,
        MailState state,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastError,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt) {

    /** "Name <address>", or the address alone. */
    public String recipientLine() {
        return recipientName == null || recipientName.isBlank() ? recipient : recipientName + " <" + recipient + ">";
    }

    /** Failed and kept mails can be sent again (by an administrator). */
    public boolean canRetry() {
        return state == MailState.FAILED || state == MailState.KEPT;
    }
}
