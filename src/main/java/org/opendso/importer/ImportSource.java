package org.opendso.importer;

/** Where a file came from, kept with the run. */
public enum ImportSource {
    UPLOAD, API, INBOX
}
