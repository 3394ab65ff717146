package org.opendso.action.ui;

import org.opendso.action.InvalidSpecificAction;
import org.opendso.action.SpecificActionChanged;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/** A failed save told in words: the service's own message for the rules of specific actions, else the common one. */
final class ActionProblem {

    private ActionProblem() {
    }

    /** Shows it and returns the text (tests read it). */
    static String show(RuntimeException failure) {
        Throwable e = Exceptions.unwrap(failure);
        if (e instanceof SpecificActionChanged || e instanceof InvalidSpecificAction) {
            Toasts.error(e.getMessage());
            return e.getMessage();
        }
        return Toasts.failure(e);
    }
}
