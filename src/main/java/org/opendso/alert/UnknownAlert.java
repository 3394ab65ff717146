package org.opendso.alert;

/** No such alert on an account the user sees. */
public class UnknownAlert extends RuntimeException {

    public UnknownAlert(long id) {
        super("No alert " + id + " for you");
    }
}
