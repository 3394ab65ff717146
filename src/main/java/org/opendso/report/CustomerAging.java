package org.opendso.report;

/** One account's line of the aging balance. */
public record CustomerAging(String account, String name, AgingFigures figures) {
}
