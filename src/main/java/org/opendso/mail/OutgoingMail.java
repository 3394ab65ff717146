package org.opendso.mail;

/** An email to queue: one recipient, a subject and an HTML body. */
public record OutgoingMail(String recipient, String recipientName, String subject, String bodyHtml) {
}
