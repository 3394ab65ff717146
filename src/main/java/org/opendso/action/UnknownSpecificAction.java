package org.opendso.action;

/** No such specific action for the caller: another tenant's, or on an account the caller does not see. */
public class UnknownSpecificAction extends IllegalArgumentException {

    public UnknownSpecificAction(long id) {
        super("No specific action " + id);
    }
}
