package org.opendso.scenario;

/** What a step makes a collector do. Emails and letters are written from a template; calls and tasks are not. */
public enum StepKind {
    EMAIL, LETTER, CALL, INTERNAL_TASK;

    public boolean usesTemplate() {
        return this == EMAIL || this == LETTER;
    }
}
