package org.opendso.mail;

/** One mail of the log with its HTML body, as it was (or will be) sent. */
public record MailContent(LoggedMail mail, String bodyHtml) {
}
