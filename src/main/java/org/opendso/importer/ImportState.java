package org.opendso.importer;

/** Outcome of a run. REJECTED: bad lines (or a bad file) and nothing imported; FAILED: our side broke, rolled back. */
public enum ImportState {
    RUNNING, SUCCEEDED, REJECTED, FAILED
}
