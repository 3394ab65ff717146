package org.opendso.scenario;

import org.springframework.dao.OptimisticLockingFailureException;

/** Someone changed the scenario since the version the writer read; carries the scenario as it is now. */
public class ScenarioChanged extends OptimisticLockingFailureException {

    private final transient Scenario current;

    public ScenarioChanged(Scenario current, long expected) {
        super("The scenario '" + current.name() + "' was changed by someone else meanwhile (it is now at version "
                + current.version() + ", you had " + expected + "); reload it and try again.");
        this.current = current;
    }

    public Scenario current() {
        return current;
    }
}
