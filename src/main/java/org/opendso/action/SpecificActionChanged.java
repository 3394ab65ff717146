package org.opendso.action;

import org.springframework.dao.OptimisticLockingFailureException;

/** The action is not open any more, or its version is not the one the caller read: here is its current state. */
public class SpecificActionChanged extends OptimisticLockingFailureException {

    private final transient SpecificAction current;

    public SpecificActionChanged(String message, SpecificAction current) {
        super(message);
        this.current = current;
    }

    public SpecificAction current() {
        return current;
    }
}
