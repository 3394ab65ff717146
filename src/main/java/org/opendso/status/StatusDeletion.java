package org.opendso.status;

/** A deleted status, the status its items moved to (null when none carried it) and how many items and accounts moved. */
public record StatusDeletion(String code, String replacement, long movedItems, int accounts) {
}
