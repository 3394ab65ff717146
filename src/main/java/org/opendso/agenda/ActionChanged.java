package org.opendso.agenda;

import org.springframework.dao.OptimisticLockingFailureException;

/** The action is not waiting any more, or its version is not the one the caller read: here is its current state. */
public class ActionChanged extends OptimisticLockingFailureException {

    private final transient PlannedAction current;

    public ActionChanged(String message, PlannedAction current) {
        super(message);
        this.current = current;
    }

    public PlannedAction current() {
        return current;
    }
}
