package org.opendso.importer;

/**
 * SNAPSHOT: the file is the complete list (only meaningful for items: open items absent from it are closed
 * as paid). UPSERT: the file adds and changes, never closes.
 */
public enum ImportMode {
    SNAPSHOT, UPSERT
}
