package org.opendso.importer;

/**
 * What the merge did. {@code considered}: valid, de-duplicated lines; those neither created nor updated are
 * unchanged.
 */
record MergeCounts(long considered, long created, long updated, long closed, long accountsCreated) {

    long unchanged() {
        return considered - created - updated;
    }
}
