package org.opendso.agenda;

/** A letter action's letter, laid out: the PDF, the file name to give it, and its subject. */
public record LetterPdf(String fileName, String subject, String language, byte[] content) {
}
