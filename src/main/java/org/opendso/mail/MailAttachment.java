package org.opendso.mail;

/** A file sent with a mail, e.g. a letter as PDF. */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name");
        }
        if (content == null) {
            throw new IllegalArgumentException("An attachment needs a content");
        }
    }
}
