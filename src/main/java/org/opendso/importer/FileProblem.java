package org.opendso.importer;

/** The file as a whole cannot be imported (missing column, unreadable CSV, empty file): nothing is imported. */
class FileProblem extends RuntimeException {

    FileProblem(String message) {
        super(message);
    }
}
