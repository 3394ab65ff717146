package org.opendso.action;

/** A user's open specific actions as resolver: late (due before today), due today, and all of them. */
public record ResolverCounts(long late, long today, long total) {
}
