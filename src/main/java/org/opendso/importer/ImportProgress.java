package org.opendso.importer;

/**
 * Told how far a run is, from the thread that parses the file (a worker thread, not the UI thread: a Vaadin
 * view wraps its update in {@code ui.access}). Called at most every few thousand lines.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, lines, fraction) -> { };

    /**
     * @param lines    data lines read so far
     * @param fraction share of the file read, 0..1 (1 once reading is over)
     */
    void update(ImportPhase phase, long lines, double fraction);
}
