package org.opendso.status;

/** A status with the number of items carrying it: open ones (what users care about) and all (what blocks a delete). */
public record StatusUsage(ItemStatus status, long openItems, long items) {
}
