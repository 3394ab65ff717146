package org.opendso.agenda;

import java.time.LocalDate;

/**
 * A call as logged: the action after it (done, or still planned for {@code retryOn} when nobody answered), the
 * outcome, and which attempt on this action it was.
 */
public record CallLogged(PlannedAction action, CallOutcome outcome, int attempt, LocalDate retryOn) {

    public boolean retried() {
        return retryOn != null;
    }
}
