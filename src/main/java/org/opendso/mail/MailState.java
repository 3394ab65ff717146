package org.opendso.mail;

/** Where a mail of the outbox stands. KEPT: no SMTP server is configured, the mail is only in the mail log. */
public enum MailState {
    PENDING, SENT, FAILED, KEPT
}
