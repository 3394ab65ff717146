package org.opendso.importer;

/** A line left out, with its physical line number in the file (as an editor shows it) and why. */
public record RejectedLine(long line, String reason) {
}
