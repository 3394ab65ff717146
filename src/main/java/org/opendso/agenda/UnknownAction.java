package org.opendso.agenda;

/** No such action for the caller: another tenant's, or of an account the caller does not see. */
public class UnknownAction extends IllegalArgumentException {

    public UnknownAction(long id) {
        super("No action " + id);
    }
}
