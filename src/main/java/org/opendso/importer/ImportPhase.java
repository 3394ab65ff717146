package org.opendso.importer;

/** Stages of a run, for a progress bar: reading the file is the long part; merging is one database step. */
public enum ImportPhase {
    READING, CHECKING, MERGING, DONE
}
