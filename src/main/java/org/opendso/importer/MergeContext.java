package org.opendso.importer;

/** One run's merge: which tenant, which run (for receipts and per-account counts), how, and which columns the file had. */
record MergeContext(long runId, long tenantId, ImportMode mode, HeaderMap header) {

    /** The staged value when the file has the column, else the existing one: a column left out changes nothing. */
    String valueOr(String column, String staged, String existing) {
        return header.has(column) ? staged : existing;
    }
}
